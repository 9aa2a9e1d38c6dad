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

/** One-unit cells whose results are worked out by hand from the ONNX equations. */
class RecurrentKernelsTest {
    private static final double EPS = 1e-6;

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void rnnForwardAndReverse() {
        Tensor x = f32(shape(2, 1, 1), 1, 2);
        Tensor w = f32(shape(1, 1, 1), 0.5);
        Tensor r = f32(shape(1, 1, 1), 0.25);
        List<Tensor> fwd = KernelRun.of("RNN").in(x).in(w).in(r).attr("hidden_size", 1L).outputs(2).run();
        double h1 = Math.tanh(0.5);
        double h2 = Math.tanh(1 + 0.25 * h1);
        assertArrayEquals(new int[] {2, 1, 1, 1}, fwd.get(0).shape());
        assertArrayEquals(new double[] {(float) h1, (float) h2}, fwd.get(0).doubles(), EPS);
        assertEquals((float) h2, fwd.get(1).doubles()[0], EPS);
        List<Tensor> rev = KernelRun.of("RNN").in(x).in(w).in(r).attr("direction", "reverse").outputs(2).run();
        double g2 = Math.tanh(1);
        double g1 = Math.tanh(0.5 + 0.25 * g2);
        assertArrayEquals(new double[] {g1, g2}, rev.get(0).doubles(), EPS);
        assertEquals(g1, rev.get(1).doubles()[0], EPS);
    }

    @Test
    void rnnSequenceLengthsZeroThePaddingAndKeepState() {
        Tensor x = f32(shape(2, 2, 1), 1, 1, 2, 2); // [seq, batch, input]
        Tensor w = f32(shape(1, 1, 1), 0.5);
        Tensor r = f32(shape(1, 1, 1), 0.25);
        Tensor lens = Tensor.ofLongs(IntegerType.I32, new int[] {2}, new long[] {1, 2});
        List<Tensor> out = KernelRun.of("RNN").in(x).in(w).in(r).in(null).in(lens).outputs(2).run();
        double h1 = Math.tanh(0.5);
        assertArrayEquals(new double[] {h1, h1, 0, Math.tanh(1 + 0.25 * h1)}, out.get(0).doubles(), EPS);
        assertArrayEquals(new double[] {h1, Math.tanh(1 + 0.25 * h1)}, out.get(1).doubles(), EPS);
    }

    @Test
    void lstmWithBiasPeepholesAndInitialState() {
        Tensor x = f32(shape(1, 1, 1), 1);
        Tensor w = f32(shape(1, 4, 1), 0.1, 0.2, 0.3, 0.4); // i, o, f, c
        Tensor r = f32(shape(1, 4, 1), 0.5, 0.6, 0.7, 0.8);
        Tensor b = f32(shape(1, 8), 0.01, 0.02, 0.03, 0.04, 0, 0, 0, 0);
        Tensor h0 = f32(shape(1, 1, 1), 0.5);
        Tensor c0 = f32(shape(1, 1, 1), -0.25);
        Tensor p = f32(shape(1, 3), 0.125, 0.25, 0.375); // i, o, f
        List<Tensor> out = KernelRun.of("LSTM").in(x).in(w).in(r).in(b).in(null).in(h0).in(c0).in(p).outputs(3).run();
        double i = sig(0.1 + 0.5 * 0.5 + 0.01 + 0.125 * -0.25);
        double f = sig(0.3 + 0.7 * 0.5 + 0.03 + 0.375 * -0.25);
        double c = f * -0.25 + i * Math.tanh(0.4 + 0.8 * 0.5 + 0.04);
        double o = sig(0.2 + 0.6 * 0.5 + 0.02 + 0.25 * c);
        double h = o * Math.tanh(c);
        assertEquals(h, out.get(0).doubles()[0], EPS);
        assertEquals(h, out.get(1).doubles()[0], EPS);
        assertEquals(c, out.get(2).doubles()[0], EPS);
    }

    @Test
    void gruBothResetPlacements() {
        Tensor x = f32(shape(1, 1, 1), 1);
        Tensor w = f32(shape(1, 3, 1), 0.1, 0.2, 0.3); // z, r, h
        Tensor r = f32(shape(1, 3, 1), 0.4, 0.5, 0.6);
        Tensor b = f32(shape(1, 6), 0, 0, 0, 0, 0, 0.7);
        Tensor h0 = f32(shape(1, 1, 1), 0.5);
        double z = sig(0.1 + 0.4 * 0.5);
        double rr = sig(0.2 + 0.5 * 0.5);
        double hDefault = Math.tanh(0.3 + 0.6 * (rr * 0.5) + 0.7);
        double hLinear = Math.tanh(0.3 + rr * (0.6 * 0.5 + 0.7));
        Tensor y0 = KernelRun.of("GRU").in(x).in(w).in(r).in(b).in(null).in(h0).outputs(2).run().get(1);
        assertEquals((1 - z) * hDefault + z * 0.5, y0.doubles()[0], EPS);
        Tensor y1 = KernelRun.of("GRU").in(x).in(w).in(r).in(b).in(null).in(h0).attr("linear_before_reset", 1L).outputs(2).run().get(1);
        assertEquals((1 - z) * hLinear + z * 0.5, y1.doubles()[0], EPS);
    }

    @Test
    void bidirectionalBatchMajorWithCustomActivations() {
        Tensor x = f32(shape(1, 2, 1), 1, -2); // layout 1: [batch=1, seq=2, input=1]
        Tensor w = f32(shape(2, 1, 1), 1, 1);
        Tensor r = f32(shape(2, 1, 1), 0, 0);
        List<Tensor> out = KernelRun.of("RNN").in(x).in(w).in(r).attr("direction", "bidirectional").attr("layout", 1L)
                .strings("activations", "Relu", "LeakyRelu").floats("activation_alpha", 0.5).outputs(2).run();
        assertArrayEquals(new int[] {1, 2, 2, 1}, out.get(0).shape());
        assertArrayEquals(new double[] {1, 1, 0, -1}, out.get(0).doubles(), EPS); // [b, t, dir]
        assertArrayEquals(new double[] {0, 1}, out.get(1).doubles(), EPS);
    }

    @Test
    void inferenceGivesAllOutputShapes() {
        var t = KernelRun.of("LSTM").in(f32(shape(5, 3, 2), new double[30])).in(f32(shape(2, 16, 2), new double[64]))
                .in(f32(shape(2, 16, 4), new double[128])).attr("direction", "bidirectional").outputs(3).infer();
        assertEquals(TensorType.of(FloatType.F32, 5, 2, 3, 4), t.get(0));
        assertEquals(TensorType.of(FloatType.F32, 2, 3, 4), t.get(2));
    }

    @Test
    void causalConvCarriesStateAcrossCalls() {
        Tensor x = f32(shape(1, 1, 3), 1, 2, 3); // [B, C, L]
        Tensor w = f32(shape(1, 1, 2), 10, 1); // y_t = 10 x_{t-1} + x_t
        Tensor past = f32(shape(1, 1, 1), 5);
        List<Tensor> r = KernelRun.of("CausalConvWithState").in(x).in(w).in(null).in(past).opset(27).outputs(2).run();
        assertArrayEquals(new double[] {51, 12, 23}, r.get(0).doubles(), EPS);
        assertArrayEquals(new double[] {3}, r.get(1).doubles(), EPS);
        Tensor silu = KernelRun.of("CausalConvWithState").in(x).in(w).in(f32(shape(1), -12)).attr("activation", "silu")
                .opset(27).run1();
        assertArrayEquals(new double[] {-11 * sig(-11), 0, 11 * sig(11)}, silu.doubles(), EPS);
    }

    @Test
    void lstmCoupledForgetGateAndClip() {
        Tensor x = f32(shape(1, 1, 1), 1);
        Tensor w = f32(shape(1, 4, 1), 0.05, 2, 3, 0.08); // i, o, f, c pre-activations; o and f get clipped
        Tensor r = f32(shape(1, 4, 1), 0, 0, 0, 0);
        Tensor c0 = f32(shape(1, 1, 1), 0.5);
        List<Tensor> out = KernelRun.of("LSTM").in(x).in(w).in(r).in(null).in(null).in(null).in(c0)
                .attr("input_forget", 1L).attr("clip", 0.1).outputs(3).run();
        double i = sig(0.05);
        double c = (1 - i) * 0.5 + i * Math.tanh(0.08); // forget = 1 - input
        // clip bounds every activation's input, h(Ct) included (as onnxruntime does): o = sig(0.1), h = o tanh(0.1)
        double h = sig(0.1) * Math.tanh(Math.min(c, 0.1));
        assertEquals(c, out.get(2).doubles()[0], EPS);
        assertEquals(h, out.get(1).doubles()[0], EPS);
    }
}
