package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** The issue-4 models in ../shared/models with the quantize options that give their hardware form, and an in-process nnc. */
final class HardwareModels {
    /** A model folder under models/ and its quantize options. */
    record Model(String name, List<String> quantize) {
    }

    static final List<Model> ALL = List.of(
            new Model("jet_tagger", List.of("--type=fixed<16,6>")),
            new Model("mnist8", List.of("--bits=8", "--per-channel", "--calib-random=8")),
            new Model("conv2d_small", List.of("--bits=8", "--calib-random=8")),
            new Model("residual_block", List.of("--bits=8", "--calib-random=4")));

    private HardwareModels() {
    }

    /** One dynamic test per model that {@code which} accepts. */
    static Stream<DynamicTest> tests(Predicate<Model> which, ThrowingConsumer<Model> check) {
        return ALL.stream().filter(which).map(m -> DynamicTest.dynamicTest(m.name(), () -> check.accept(m)));
    }

    /** Runs nnc in-process; the command must succeed. Returns its standard output. */
    static String nnc(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)),
                String.join(" ", args) + "\n" + err);
        return out.toString();
    }
}
