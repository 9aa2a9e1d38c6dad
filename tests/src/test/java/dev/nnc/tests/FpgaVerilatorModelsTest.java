package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.sim.verilator.Verilator;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emitted RTL of real models, run by its own testbench on Verilator, and the cycle simulator
 * on design.nir ({@code nnc sim --engine both}) give the fixed interpreter's outputs on
 * {@code kernel.nir} bit for bit, and the same beats at the same cycles, for back-to-back frames
 * of a reference input (docs/hardware.md §5).
 */
class FpgaVerilatorModelsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jet_tagger", "conv2d_small", "mnist8", "residual_block"})
    void verilatorEqualsTheCycleSimulatorAndTheFixedInterpreter(String model) {
        Path folder = TestData.require("models/" + model);
        Assumptions.assumeTrue(Verilator.available(), "verilator not on PATH: this test needs Verilator 5.x");
        Path build = dir.resolve("build");
        BadInputCliTest.Run c = nnc("compile", folder.resolve("model.onnx").toString(), "--target", "fpga",
                "--calib-random", "8", "-o", build.toString());
        assertEquals(0, c.code(), c.err());
        BadInputCliTest.Run s = nnc("sim", build.toString(), "--engine", "both", "-i",
                folder.resolve("test_data_set_0/input_0.pb").toString(), "--frames", "2");
        assertEquals(0, s.code(), s.out() + s.err());
        assertTrue(s.out().contains("verilator vs fixed interpreter (kernel.nir)"), s.out());
        assertTrue(s.out().contains("cycle vs fixed interpreter (kernel.nir)"), s.out());
        assertTrue(s.out().matches("(?s).*cycle == verilator: \\S+, \\d+ beats identical \\(cycle and data\\).*"), s.out());
        assertTrue(s.out().matches("(?s).*cycle == verilator: \\d+ cycles.*"), s.out());
        assertFalse(s.out().contains("MISMATCH"), s.out());
    }
}
