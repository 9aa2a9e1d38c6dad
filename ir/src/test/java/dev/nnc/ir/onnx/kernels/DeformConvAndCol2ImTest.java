package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeformConvAndCol2ImTest {
    @Test
    void deformConvWithZeroOffsetsIsConv() {
        Random r = new Random(7);
        Tensor x = random(r, 1, 4, 5, 5);
        Tensor w = random(r, 6, 2, 3, 3);
        Tensor b = random(r, 6);
        Tensor zeroOffsets = Tensor.zeros(FloatType.F32, shape(1, 2 * 3 * 3 * 2, 5, 5));
        Tensor conv = KernelRun.of("Conv").attr("group", 2).ints("pads", 1, 1, 1, 1).in(x).in(w).in(b).run1();
        Tensor deform = KernelRun.of("DeformConv").attr("group", 2).attr("offset_group", 2).ints("pads", 1, 1, 1, 1).opset(19)
                .in(x).in(w).in(zeroOffsets).in(b).run1();
        assertArrayEquals(conv.doubles(), deform.doubles(), 1e-6);
    }

    @Test
    void deformConvInterpolatesBetweenPixelsAndAppliesMask() {
        Tensor x = f32(shape(1, 1, 1, 2), 2, 6);
        Tensor w = f32(shape(1, 1, 1, 1), 1);
        // sample at w + 0.5 (dx) for both positions: (2+6)/2 and (6+0)/2 (right neighbour outside)
        Tensor offsets = f32(shape(1, 2, 1, 2), 0, 0, 0.5, 0.5);
        Tensor mask = f32(shape(1, 1, 1, 2), 1, 2);
        Tensor y = KernelRun.of("DeformConv").opset(19).in(x).in(w).in(offsets).in(null).in(mask).run1();
        assertArrayEquals(new double[] {4, 6}, y.doubles());
    }

    @Test
    void col2imAddsOverlappingBlocks() {
        // one channel, 1x3 image, 1x2 blocks at positions 0 and 1: columns [a0 a1] and [b0 b1]
        Tensor cols = f32(shape(1, 2, 2), 1, 10, 2, 20);
        Tensor image = Tensor.ofLongs(IntegerType.I64, shape(2), new long[] {1, 3});
        Tensor block = Tensor.ofLongs(IntegerType.I64, shape(2), new long[] {1, 2});
        Tensor y = KernelRun.of("Col2Im").opset(18).in(cols).in(image).in(block).run1();
        assertArrayEquals(shape(1, 1, 1, 3), y.shape());
        assertArrayEquals(new double[] {1, 12, 20}, y.doubles());
    }

    private static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }
}
