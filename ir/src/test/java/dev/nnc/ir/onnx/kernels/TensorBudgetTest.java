package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static dev.nnc.ir.onnx.kernels.OpHarness.runAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Ops whose output size comes from input data stop at the element budget with one line, not OutOfMemoryError. */
class TensorBudgetTest {
    @AfterEach
    void restore() {
        System.clearProperty(Shapes.MAX_ELEMENTS_PROPERTY);
    }

    private static Tensor i64(long... v) {
        return Tensor.ofLongs(IntegerType.I64, new int[] {v.length}, v);
    }

    private static Tensor f32(int n) {
        return Tensor.ofDoubles(FloatType.F32, new int[] {n}, new double[n]);
    }

    private static void overBudget(String op, Executable run) {
        NncException e = assertThrows(NncException.class, run, op);
        assertTrue(e.oneLine().contains("elements, more than the limit") || e.oneLine().contains("more than the limit"), e.oneLine());
        assertTrue(e.oneLine().contains(Shapes.MAX_ELEMENTS_PROPERTY), e.oneLine());
    }

    @Test
    void defaultBudgetStopsHugeOutputs() {
        overBudget("ConstantOfShape", () -> run("ConstantOfShape", i64(1L << 20, 1L << 20)));
        overBudget("Expand", () -> run("Expand", f32(1), i64(1L << 20, 1L << 20)));
        overBudget("Tile", () -> run("Tile", f32(2), i64(1L << 30)));
        overBudget("Range", () -> run("Range", Tensor.scalar(IntegerType.I64, 0), Tensor.scalar(IntegerType.I64, Long.MAX_VALUE),
                Tensor.scalar(IntegerType.I64, 1)));
        overBudget("OneHot", () -> run("OneHot", i64(0, 1), Tensor.scalar(IntegerType.I64, 1L << 40), f32(2)));
        overBudget("Pad", () -> run("Pad", f32(2), i64(0, (1L << 31) - 8)));
        overBudget("HannWindow", () -> run("HannWindow", Tensor.scalar(IntegerType.I64, 1L << 40)));
        Tensor signal = Tensor.ofDoubles(FloatType.F32, new int[] {1, 4, 1}, new double[4]);
        overBudget("DFT", () -> runAll("DFT", Map.of(), 17, 1, signal, Tensor.scalar(IntegerType.I64, 1L << 30)));
    }

    @Test
    void systemPropertyLowersTheBudget() {
        System.setProperty(Shapes.MAX_ELEMENTS_PROPERTY, "1000");
        assertEquals(1000, Shapes.maxElements());
        NncException e = assertThrows(NncException.class, () -> run("ConstantOfShape", i64(10, 200)));
        assertTrue(e.oneLine().contains("result shape [10, 200] has 2000 elements, more than the limit 1000"), e.oneLine());
        assertEquals(1000, run("ConstantOfShape", i64(10, 100)).size());
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1, 1, 2, 2}, new double[4]);
        overBudget("Resize", () -> runAll("Resize", Map.of(), 13, 1, x, null,
                Tensor.ofDoubles(FloatType.F32, new int[] {4}, new double[] {1, 1, 20, 20})));
    }

    @Test
    void lengthsBeyondIntRangeDoNotWrapToSmallOnes() {
        Tensor signal = Tensor.ofDoubles(FloatType.F32, new int[] {1, 4, 1}, new double[4]);
        NncException e = assertThrows(NncException.class,
                () -> runAll("DFT", Map.of(), 17, 1, signal, Tensor.scalar(IntegerType.I64, (1L << 32) + 4)));
        assertTrue(e.oneLine().contains("dft_length"), e.oneLine());
        NncException s = assertThrows(NncException.class, () -> runAll("STFT", Map.of(), 17, 1, signal,
                Tensor.scalar(IntegerType.I64, 1), null, Tensor.scalar(IntegerType.I64, (1L << 32) + 4)));
        assertTrue(s.oneLine().contains("frame_length 4294967300"), s.oneLine());
    }

    @Test
    void negativeDimensionsAreRejected() {
        assertTrue(Shapes.sizeProblem(new int[] {2, -1}).contains("negative"));
        assertEquals(null, Shapes.sizeProblem(new int[] {2, 3}));
        assertEquals(6, Shapes.checkedSize(new int[] {2, 3}, "op X"));
        NncException e = assertThrows(NncException.class, () -> Shapes.checkedSize(new int[] {1 << 16, 1 << 16}, "op X"));
        assertTrue(e.getMessage().startsWith("op X: result shape [65536, 65536] has 4294967296 elements, more than the limit"), e.getMessage());
    }
}
