package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OneOp.f32;
import static dev.nnc.ir.onnx.kernels.OneOp.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionKernelsTest {
    @Test
    void groupedConvWithPaddingAndBias() {
        Tensor x = f32(shape(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8);
        Tensor w = f32(shape(2, 1, 2, 2), 1, 0, 0, 1, 1, 1, 1, 1);
        Tensor b = f32(shape(2), 10, 20);
        Tensor y = OneOp.of("Conv").i("group", 2).ints("pads", 1, 1, 1, 1).run1(x, w, b);
        assertArrayEquals(shape(1, 2, 3, 3), y.shape());
        assertArrayEquals(new double[] {11, 12, 10, 13, 15, 12, 10, 13, 14, 25, 31, 26, 32, 46, 34, 27, 35, 28}, y.doubles());
    }

    @Test
    void sameUpperAndLowerPutOddPaddingOnOppositeSides() {
        Tensor x = f32(shape(1, 1, 4), 1, 2, 3, 4);
        Tensor w = f32(shape(1, 1, 3), 1, 1, 1);
        Tensor up = OneOp.of("Conv").s("auto_pad", "SAME_UPPER").ints("strides", 2).run1(x, w);
        Tensor lo = OneOp.of("Conv").s("auto_pad", "SAME_LOWER").ints("strides", 2).run1(x, w);
        assertArrayEquals(new double[] {6, 7}, up.doubles());
        assertArrayEquals(new double[] {3, 9}, lo.doubles());
    }

    @Test
    void dilatedConv1d() {
        Tensor x = f32(shape(1, 1, 5), 1, 2, 3, 4, 5);
        Tensor w = f32(shape(1, 1, 2), 1, 10);
        assertArrayEquals(new double[] {31, 42, 53}, OneOp.of("Conv").ints("dilations", 2).run1(x, w).doubles());
    }

    @Test
    void conv3dSumsTheWholeCube() {
        Tensor w = f32(shape(1, 1, 2, 2, 2), 1, 1, 1, 1, 1, 1, 1, 1);
        Tensor y = OneOp.of("Conv").run1(OneOp.iota(1, 1, 2, 2, 2), w);
        assertArrayEquals(shape(1, 1, 1, 1, 1), y.shape());
        assertEquals(28, y.doubles()[0]);
    }

    @Test
    void convTransposeStridesPadsAndOutputPadding() {
        Tensor x = f32(shape(1, 1, 3), 1, 2, 3);
        Tensor w = f32(shape(1, 1, 3), 1, 1, 1);
        assertArrayEquals(new double[] {1, 3, 6, 5, 3}, OneOp.of("ConvTranspose").run1(x, w).doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3}, OneOp.of("ConvTranspose").ints("strides", 2).run1(x, w).doubles());
        assertArrayEquals(new double[] {1, 3, 2, 5, 3}, OneOp.of("ConvTranspose").ints("strides", 2).ints("pads", 1, 1).run1(x, w).doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3, 0},
                OneOp.of("ConvTranspose").ints("strides", 2).ints("output_padding", 1).run1(x, w).doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3, 0},
                OneOp.of("ConvTranspose").ints("strides", 2).ints("output_shape", 8).run1(x, w).doubles());
    }

    @Test
    void convTransposeGroups() {
        Tensor x = f32(shape(1, 2, 1), 1, 2);
        Tensor w = f32(shape(2, 1, 2), 1, 2, 3, 4);
        Tensor y = OneOp.of("ConvTranspose").i("group", 2).run1(x, w);
        assertArrayEquals(shape(1, 2, 2), y.shape());
        assertArrayEquals(new double[] {1, 2, 6, 8}, y.doubles());
    }

    @Test
    void convIntegerSubtractsZeroPoints() {
        Tensor x = Tensor.ofLongs(IntegerType.U8, shape(1, 1, 2, 2), new long[] {2, 3, 4, 5});
        Tensor w = Tensor.ofLongs(IntegerType.U8, shape(1, 1, 1, 1), new long[] {3});
        Tensor one = Tensor.scalar(IntegerType.U8, 1);
        Tensor y = OneOp.of("ConvInteger").run1(x, w, one, one);
        assertEquals(IntegerType.I32, y.elementType());
        assertArrayEquals(new long[] {2, 4, 6, 8}, y.longs());
    }

    @Test
    void infersConvAndConvTransposeShapes() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 32, 32));
        Tensor w = Tensor.zeros(FloatType.F32, shape(8, 3, 3, 3));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 8, 16, 16)),
                OneOp.of("Conv").ints("pads", 1, 1, 1, 1).ints("strides", 2, 2).infer(x, w));
        Tensor wt = Tensor.zeros(FloatType.F32, shape(3, 4, 2, 2));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 8, 64, 64)),
                OneOp.of("ConvTranspose").i("group", 1).ints("strides", 2, 2).infer(x, Tensor.zeros(FloatType.F32, shape(3, 8, 2, 2))));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 12, 33, 33)),
                OneOp.of("ConvTranspose").i("group", 3).infer(Tensor.zeros(FloatType.F32, shape(1, 3, 32, 32)), wt.reshape(shape(3, 4, 2, 2))));
    }

    @Test
    void channelMismatchIsAUserError() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 4, 4));
        Tensor w = Tensor.zeros(FloatType.F32, shape(2, 2, 1, 1));
        assertThrows(NncException.class, () -> OneOp.of("Conv").run1(x, w));
    }
}
