package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolingKernelsTest {
    private static final Tensor X = f32(shape(1, 2, 3, 3), 1, 5, 2, 7, 3, 8, 4, 9, 6, 1, 5, 2, 7, 3, 8, 4, 9, 6);

    @Test
    void maxPoolIndicesRowAndColumnMajorWithChannelOffset() {
        List<Tensor> r = KernelRun.of("MaxPool").ints("kernel_shape", 2, 2).outputs(2).in(X).run();
        assertArrayEquals(new double[] {7, 8, 9, 9, 7, 8, 9, 9}, r.get(0).doubles());
        assertEquals(IntegerType.I64, r.get(1).elementType());
        assertArrayEquals(new long[] {3, 5, 7, 7, 12, 14, 16, 16}, r.get(1).longs());
        List<Tensor> c = KernelRun.of("MaxPool").ints("kernel_shape", 2, 2).attr("storage_order", 1).outputs(2).in(X).run();
        assertArrayEquals(new long[] {1, 7, 5, 5, 10, 16, 14, 14}, c.get(1).longs());
    }

    @Test
    void maxPoolCeilModeKeepsPartialWindows() {
        Tensor y = KernelRun.of("MaxPool").ints("kernel_shape", 3, 3).ints("strides", 2, 2).attr("ceil_mode", 1).in(KernelRun.iota(1, 1, 4, 4)).run1();
        assertArrayEquals(shape(1, 1, 2, 2), y.shape());
        assertArrayEquals(new double[] {10, 11, 14, 15}, y.doubles());
    }

    @Test
    void averagePoolCountIncludePad() {
        Tensor x = f32(shape(1, 1, 2, 2), 1, 2, 3, 4);
        Tensor exc = KernelRun.of("AveragePool").ints("kernel_shape", 2, 2).ints("pads", 1, 1, 1, 1).in(x).run1();
        assertArrayEquals(new double[] {1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4}, exc.doubles());
        Tensor inc = KernelRun.of("AveragePool").ints("kernel_shape", 2, 2).ints("pads", 1, 1, 1, 1).attr("count_include_pad", 1)
                .in(x).run1();
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1}, inc.doubles());
    }

    @Test
    void lpAndGlobalPools() {
        Tensor x = f32(shape(1, 1, 1, 2), 3, -4);
        assertArrayEquals(new double[] {5}, KernelRun.of("LpPool").ints("kernel_shape", 1, 2).in(x).run1().doubles());
        assertArrayEquals(new double[] {5}, KernelRun.of("GlobalLpPool").in(x).run1().doubles());
        assertArrayEquals(new double[] {-0.5}, KernelRun.of("GlobalAveragePool").in(x).run1().doubles());
        Tensor g = KernelRun.of("GlobalMaxPool").in(X).run1();
        assertArrayEquals(shape(1, 2, 1, 1), g.shape());
        assertArrayEquals(new double[] {9, 9}, g.doubles());
    }

    @Test
    void maxUnpoolScattersBack() {
        Tensor v = f32(shape(1, 1, 1, 2), 7, 8);
        Tensor idx = Tensor.ofLongs(IntegerType.I64, shape(1, 1, 1, 2), new long[] {1, 3});
        Tensor y = KernelRun.of("MaxUnpool").ints("kernel_shape", 2, 2).ints("strides", 2, 2).in(v).in(idx).run1();
        assertArrayEquals(shape(1, 1, 2, 4), y.shape());
        assertArrayEquals(new double[] {0, 7, 0, 8, 0, 0, 0, 0}, y.doubles());
    }

    @Test
    void infersPoolShapesWithSameUpper() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 7, 7));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 3, 4, 4), TensorType.of(IntegerType.I64, 1, 3, 4, 4)),
                KernelRun.of("MaxPool").ints("kernel_shape", 3, 3).ints("strides", 2, 2).attr("auto_pad", "SAME_UPPER").outputs(2).in(x).infer());
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 3, 1, 1)), KernelRun.of("GlobalAveragePool").in(x).infer());
    }

    @Test
    void maxPoolKeepsIntegerElementType() {
        Tensor x = Tensor.ofLongs(IntegerType.I8, shape(1, 1, 1, 4), new long[] {-128, -5, 127, 3});
        Tensor y = KernelRun.of("MaxPool").ints("kernel_shape", 1, 2).ints("strides", 1, 2).in(x).run1();
        assertEquals(IntegerType.I8, y.elementType());
        assertArrayEquals(new long[] {-5, 127}, y.longs());
    }
}
