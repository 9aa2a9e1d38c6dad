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
 * The emitted RTL of real models, run by its own testbench on Verilator ({@code nnc sim --engine
 * verilator}), gives the fixed interpreter's outputs on {@code kernel.nir} bit for bit, for three
 * back-to-back frames of a reference input.
 */
class FpgaVerilatorModelsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jet_tagger", "conv2d_small", "mnist8"})
    void verilatorEqualsTheFixedInterpreter(String model) {
        Path folder = TestData.require("models/" + model);
        Assumptions.assumeTrue(Verilator.available(), "verilator not on PATH: this test needs Verilator 5.x");
        Path build = dir.resolve("build");
        BadInputCliTest.Run c = nnc("compile", folder.resolve("model.onnx").toString(), "--target", "fpga",
                "--calib-random", "8", "-o", build.toString());
        assertEquals(0, c.code(), c.err());
        BadInputCliTest.Run s = nnc("sim", build.toString(), "--engine", "verilator", "-i",
                folder.resolve("test_data_set_0/input_0.pb").toString(), "--frames", "3");
        assertEquals(0, s.code(), s.out() + s.err());
        assertTrue(s.out().contains("match") && s.out().contains("raws bit-exact"), s.out());
        assertFalse(s.out().contains("MISMATCH"), s.out());
    }
}
