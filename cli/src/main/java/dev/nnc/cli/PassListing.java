package dev.nnc.cli;

import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.OptionCodec;
import dev.nnc.passes.pipeline.OptionField;
import java.util.stream.Collectors;

/**
 * The {@code nnc opt --list-passes} text: every pass with its summary and stages, then its
 * options with type and default, in the manner of {@code mlir-opt --help}.
 */
final class PassListing {
    private PassListing() {
    }

    static String format(PassRegistry registry) {
        StringBuilder sb = new StringBuilder("Passes (use in --pass-pipeline as name or name{option=value ...}):\n");
        int width = registry.arguments().stream().mapToInt(String::length).max().orElse(0);
        for (PassInfo<?> info : registry.all()) {
            sb.append(String.format("  %-" + width + "s  %s%s%n", info.argument(), info.summary(), stages(info)));
            for (OptionField f : OptionField.of(info.optionsType())) {
                String def = OptionCodec.format(f, f.get(info.defaults()));
                sb.append(String.format("  %-" + width + "s    %s=<%s>  (default: %s)%n", "", f.name(), f.typeName(),
                        def.isEmpty() ? "none" : def));
            }
        }
        if (registry.all().isEmpty()) {
            sb.append("  (none registered)\n");
        }
        return sb.toString();
    }

    private static String stages(PassInfo<?> info) {
        if (info.accepts().size() == IrStage.values().length && info.produces() == null) {
            return "";
        }
        String in = info.accepts().stream().sorted().map(IrStage::spelling).collect(Collectors.joining("|"));
        return " [" + in + (info.produces() == null ? "" : " -> " + info.produces().spelling()) + "]";
    }
}
