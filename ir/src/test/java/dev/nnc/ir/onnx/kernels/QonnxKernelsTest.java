package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * QONNX's Quant and BipolarQuant against the examples of their specification
 * (fastmachinelearning/qonnx docs/qonnx-custom-ops): the rounding-mode table, the signed/narrow
 * ranges of min_int/max_int, clamping before rounding, channel-wise parameters, and one-line errors.
 */
class QonnxKernelsTest {
    private static final Tensor TABLE = f32(shape(10), 5.5, 2.5, 1.6, 1.1, 1.0, -1.0, -1.1, -1.6, -2.5, -5.5);

    /** The specification's rounding table: scale 1, zero point 0, 8 signed bits (no value clamps). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ROUND     | 6, 2, 2, 1, 1, -1, -1, -2, -2, -6",
            "CEIL      | 6, 3, 2, 2, 1, -1, -1, -1, -2, -5",
            "FLOOR     | 5, 2, 1, 1, 1, -1, -2, -2, -3, -6",
            "UP        | 6, 3, 2, 2, 1, -1, -2, -2, -3, -6",
            "DOWN      | 5, 2, 1, 1, 1, -1, -1, -1, -2, -5",
            "HALF_UP   | 6, 3, 2, 1, 1, -1, -1, -2, -3, -6",
            "half_down | 5, 2, 2, 1, 1, -1, -1, -2, -2, -5"})
    void roundsAsTheSpecificationsTable(String mode, String expected) {
        Tensor y = quant(TABLE, 1, 0, 8, 1, 0, mode);
        double[] want = java.util.Arrays.stream(expected.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        assertArrayEquals(want, y.doubles());
    }

    /**
     * Clamping to [min_int, max_int] at 3 bits ([-4, 3], narrow [-3, 3], unsigned [0, 7], narrow
     * [0, 6]), then scaling back: (q - 1) * 0.5 for scale 0.5, zero point 1.
     */
    @ParameterizedTest(name = "signed {0} narrow {1}")
    @CsvSource({"1, 0, -2.5, 1.0", "1, 1, -2.0, 1.0", "0, 0, -0.5, 3.0", "0, 1, -0.5, 2.5"})
    void clampsToTheIntegerRange(int signed, int narrow, double lowest, double highest) {
        Tensor y = quant(f32(shape(3), -100, 0.3, 100), 0.5, 1, 3, signed, narrow, "ROUND");
        // (x / 0.5 + 1) clamped to [min, max], rounded, minus 1, times 0.5; 0.3 -> 1.6 -> 2 -> 0.5
        assertArrayEquals(new double[] {lowest, 0.5, highest}, y.doubles());
    }

    @Test
    void takesChannelWiseScalesAndAnIntegerBitWidth() {
        Tensor x = f32(shape(2, 3), 1.0, 2.0, 3.0, 1.0, 2.0, 3.0);
        Tensor y = KernelRun.of("Quant").in(x).in(f32(shape(2, 1), 1.0, 0.25)).in(Tensor.scalar(FloatType.F32, 0))
                .in(Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {2})).run1();
        // row 0: 2-bit signed range [-2, 1] at scale 1; row 1: [-2, 1] at scale 0.25 -> at most 0.25
        assertArrayEquals(new double[] {1, 1, 1, 0.25, 0.25, 0.25}, y.doubles());
    }

    @Test
    void bipolarQuantGivesTheSignTimesTheScale() {
        Tensor y = KernelRun.of("BipolarQuant").in(f32(shape(4), -2, -0.0, 0, 3)).in(Tensor.scalar(FloatType.F32, 0.5)).run1();
        assertArrayEquals(new double[] {-0.5, 0.5, 0.5, 0.5}, y.doubles());
    }

    @Test
    void refusesBadParametersInOneLine() {
        NncException mode = assertThrows(NncException.class, () -> quant(TABLE, 1, 0, 8, 1, 0, "STOCHASTIC"));
        assertTrue(mode.getMessage().contains("rounding_mode must be one of"), mode.getMessage());
        NncException bits = assertThrows(NncException.class, () -> quant(TABLE, 1, 0, 0, 1, 0, "ROUND"));
        assertTrue(bits.getMessage().contains("bitwidth must be a positive whole number"), bits.getMessage());
        NncException shape = assertThrows(NncException.class, () -> KernelRun.of("Quant").in(f32(shape(2), 1, 2))
                .in(f32(shape(3), 1, 1, 1)).in(Tensor.scalar(FloatType.F32, 0)).in(Tensor.scalar(FloatType.F32, 4)).run1());
        assertTrue(shape.getMessage().contains("does not broadcast to X's shape"), shape.getMessage());
    }

    private static Tensor quant(Tensor x, double scale, double zeropt, double bits, int signed, int narrow, String mode) {
        return KernelRun.of("Quant").attr("signed", signed).attr("narrow", narrow).attr("rounding_mode", mode).in(x)
                .in(Tensor.scalar(FloatType.F32, scale)).in(Tensor.scalar(FloatType.F32, zeropt))
                .in(Tensor.scalar(FloatType.F32, bits)).run1();
    }
}
