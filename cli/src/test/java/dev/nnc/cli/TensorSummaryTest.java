package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import org.junit.jupiter.api.Test;

class TensorSummaryTest {
    @Test
    void classifierOutputShowsStatisticsValuesAndArgmax() {
        Tensor t = Tensor.ofDoubles(FloatType.F32, new int[] {1, 10},
                new double[] {0.1, -2, 3.5, 0, 0, 0, 0, 0, 0.25, 1});
        assertEquals("""
                y: tensor<1x10xf32>  min -2  max 3.5  mean 0.285
                  [0.1, -2.0, 3.5, 0.0, 0.0, 0.0, 0.0, 0.0] ... (10 values)
                  argmax 2""", TensorSummary.describe("y", t));
    }

    @Test
    void integersBoolsAndEmptyTensors() {
        assertEquals("c: tensor<2x2xu64>  min 0  max 1.84467e+19  mean 4.61169e+18\n"
                        + "  [18446744073709551615, 0, 0, 0]",
                TensorSummary.describe("c", Tensor.ofLongs(IntegerType.U64, new int[] {2, 2}, new long[] {-1, 0, 0, 0})));
        assertEquals("b: tensor<2xi1>  min 0  max 1  mean 0.5\n  [true, false]\n  argmax 0",
                TensorSummary.describe("b", Tensor.ofLongs(BoolType.I1, new int[] {2}, new long[] {1, 0})));
        assertEquals("e: tensor<0x3xf32>  (empty)", TensorSummary.describe("e", Tensor.zeros(FloatType.F32, new int[] {0, 3})));
    }

    @Test
    void numbersHaveSixSignificantDigits() {
        assertEquals("0.333333", TensorSummary.number(1.0 / 3));
        assertEquals("1.23457e-07", TensorSummary.number(1.234567e-7));
        assertEquals("-42", TensorSummary.number(-42));
        assertEquals("NaN", TensorSummary.number(Double.NaN));
    }
}
