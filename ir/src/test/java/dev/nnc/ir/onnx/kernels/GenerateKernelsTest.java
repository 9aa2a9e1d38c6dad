package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateKernelsTest {
    @Test
    void constantOfShapeDefaultsToFloatZero() {
        Tensor t = run1("ConstantOfShape", 20, Map.of(), i64(2, 1));
        assertEquals(FloatType.F32, t.elementType());
        assertTensor(t, shape(2, 1), 0, 0);
        assertLongs(run1("ConstantOfShape", 20, Map.of("value", new Attribute.DenseAttr(i32(shape(1), 7))), i64(3)),
                shape(3), 7, 7, 7);
    }

    @Test
    void rangeIntegersAndFloats() {
        assertLongs(run1("Range", 11, Map.of(), i32(shape(), 10), i32(shape(), 4), i32(shape(), -3)), shape(2), 10, 7);
        assertTensor(run1("Range", 11, Map.of(), f32(shape(), 1), f32(shape(), 2), f32(shape(), 0.3)), shape(4),
                1, 1.3, 1.6, 1.9);
    }

    @Test
    void oneHotAxisAndNegativeIndices() {
        Tensor values = f32(shape(2), 0, 5);
        assertTensor(run1("OneHot", 11, Map.of(), i64(shape(3), 0, -1, 7), f32(shape(), 3), values), shape(3, 3),
                5, 0, 0, 0, 0, 5, 0, 0, 0);
        assertTensor(run1("OneHot", 11, Map.of("axis", i(0)), i64(shape(2), 1, 0), i64(shape(), 2), values), shape(2, 2),
                0, 5, 5, 0);
    }

    @Test
    void eyeLikeWithDtypeAndOffset() {
        Tensor t = run1("EyeLike", 22, Map.of("dtype", i(7), "k", i(1)), range(2, 3));
        assertEquals(IntegerType.I64, t.elementType());
        assertLongs(t, shape(2, 3), 0, 1, 0, 0, 0, 1);
    }

    @Test
    void triluUpperAndLower() {
        assertTensor(run1("Trilu", 14, Map.of(), range(3, 3)), shape(3, 3), 0, 1, 2, 0, 4, 5, 0, 0, 8);
        assertTensor(run1("Trilu", 14, Map.of("upper", i(0)), range(2, 3), i64(shape(), -1)), shape(2, 3), 0, 0, 0, 3, 0, 0);
    }

    @Test
    void hugeShapesAreAUserError() {
        org.junit.jupiter.api.Assertions.assertThrows(dev.nnc.ir.diag.NncException.class,
                () -> run1("ConstantOfShape", 20, Map.of(), i64(100000, 100000)));
    }
}
