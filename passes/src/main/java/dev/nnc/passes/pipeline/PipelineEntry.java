package dev.nnc.passes.pipeline;

import dev.nnc.passes.Pass;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a pipeline: a registered pass with its options. Prints as the pass argument,
 * followed by {@code {name=value ...}} for the options that differ from the defaults, in record
 * component order.
 */
public record PipelineEntry(PassInfo<?> info, Record options) {
    public PipelineEntry {
        info.optionsType().cast(options);
    }

    /** The pass with its default options. */
    public static PipelineEntry of(PassInfo<?> info) {
        return new PipelineEntry(info, info.defaults());
    }

    public String argument() {
        return info.argument();
    }

    /** A fresh pass instance for one run. */
    public Pass create() {
        return info.create(options);
    }

    /** The canonical text, e.g. {@code fuse{activations=relu,clip size-limit=10}}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (OptionField f : OptionField.of(info.optionsType())) {
            Object value = f.get(options);
            if (!Objects.equals(value, f.get(info.defaults()))) {
                parts.add(f.name() + "=" + OptionCodec.format(f, value));
            }
        }
        return parts.isEmpty() ? info.argument() : info.argument() + "{" + String.join(" ", parts) + "}";
    }
}
