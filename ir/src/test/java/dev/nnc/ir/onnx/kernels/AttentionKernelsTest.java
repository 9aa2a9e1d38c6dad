package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionKernelsTest {
    private static final double EPS = 1e-6;
    // one batch, one head, two positions, head size 1
    private static final Tensor Q = f32(shape(1, 1, 2, 1), 1, 1);
    private static final Tensor K = f32(shape(1, 1, 2, 1), 0, Math.log(3));
    private static final Tensor V = f32(shape(1, 1, 2, 1), 10, 20);

    @Test
    void plainAttentionWeighsValuesBySoftmax() {
        // scale 1: scores 0 and ln 3 -> weights 1/4, 3/4
        Tensor y = KernelRun.of("Attention").in(Q).in(K).in(V).attr("scale", 1.0).opset(23).run1();
        assertArrayEquals(new double[] {17.5, 17.5}, y.doubles(), 1e-5);
    }

    @Test
    void causalMaskHidesLaterKeysAndQkOutputIsSoftmax() {
        List<Tensor> r = KernelRun.of("Attention").in(Q).in(K).in(V).attr("scale", 1.0).attr("is_causal", 1L)
                .attr("qk_matmul_output_mode", 3L).opset(23).outputs(4).run();
        assertArrayEquals(new double[] {10, 17.5}, r.get(0).doubles(), 1e-5);
        assertArrayEquals(new double[] {1, 0, 0.25, 0.75}, r.get(3).doubles(), EPS);
    }

    @Test
    void boolMaskAndPastKeysArePrepended() {
        Tensor mask = Tensor.ofLongs(BoolType.I1, new int[] {2, 3}, new long[] {1, 0, 1, 1, 1, 0});
        Tensor pastK = f32(shape(1, 1, 1, 1), 0);
        Tensor pastV = f32(shape(1, 1, 1, 1), 4);
        List<Tensor> r = KernelRun.of("Attention").in(Q).in(K).in(V).in(mask).in(pastK).in(pastV).attr("scale", 1.0)
                .opset(23).outputs(3).run();
        // row 0 sees past (0 -> 4) and key ln3 (-> 20): weights 1/4, 3/4; row 1 sees past and key 0: 1/2, 1/2
        assertArrayEquals(new double[] {16, 7}, r.get(0).doubles(), 1e-5);
        assertArrayEquals(new int[] {1, 1, 3, 1}, r.get(1).shape());
        assertArrayEquals(new double[] {4, 10, 20}, r.get(2).doubles(), EPS);
    }

    @Test
    void groupedQueryHeadsShareKvHeadsIn3dLayout() {
        // 3D: Q [1, 1, 2 heads * 1], K/V [1, 1, 1 head * 1]
        Tensor q = f32(shape(1, 1, 2), 1, -1);
        Tensor k = f32(shape(1, 1, 1), 2);
        Tensor v = f32(shape(1, 1, 1), 5);
        Tensor y = KernelRun.of("Attention").in(q).in(k).in(v).attr("q_num_heads", 2L).attr("kv_num_heads", 1L).opset(23).run1();
        assertArrayEquals(new int[] {1, 1, 2}, y.shape());
        assertArrayEquals(new double[] {5, 5}, y.doubles(), EPS);
    }

    @Test
    void rotaryEmbeddingRotatesHalves() {
        Tensor x = f32(shape(1, 1, 1, 4), 1, 2, 3, 4); // [b, heads, seq, d]
        Tensor cos = f32(shape(1, 1, 2), 0, 1); // [b, seq, d/2] without position ids
        Tensor sin = f32(shape(1, 1, 2), 1, 0);
        Tensor y = KernelRun.of("RotaryEmbedding").in(x).in(cos).in(sin).opset(23).run1();
        // pairs (x0, x2) rotated by 90 degrees, (x1, x3) unchanged
        assertArrayEquals(new double[] {-3, 2, 1, 4}, y.doubles(), EPS);
        Tensor yi = KernelRun.of("RotaryEmbedding").in(x).in(cos).in(sin).attr("interleaved", 1L).opset(23).run1();
        assertArrayEquals(new double[] {-2, 1, 3, 4}, yi.doubles(), EPS);
    }

    @Test
    void linearAttentionRulesUpdateTheState() {
        Tensor q = f32(shape(1, 2, 1), 1, 2); // [B, T, heads * d_k] with one head of size 1
        Tensor k = f32(shape(1, 2, 1), 1, 1);
        Tensor v = f32(shape(1, 2, 1), 3, 4);
        List<Tensor> lin = KernelRun.of("LinearAttention").in(q).in(k).in(v).attr("update_rule", "linear")
                .attr("q_num_heads", 1L).attr("kv_num_heads", 1L).attr("scale", 1.0).opset(27).outputs(2).run();
        assertArrayEquals(new double[] {3, 14}, lin.get(0).doubles(), EPS);
        assertArrayEquals(new double[] {7}, lin.get(1).doubles(), EPS);
        Tensor beta = f32(shape(1, 2, 1), 1, 1);
        List<Tensor> delta = KernelRun.of("LinearAttention").in(q).in(k).in(v).in(null).in(null).in(beta)
                .attr("update_rule", "delta").attr("q_num_heads", 1L).attr("kv_num_heads", 1L).attr("scale", 1.0)
                .opset(27).outputs(2).run();
        assertArrayEquals(new double[] {3, 8}, delta.get(0).doubles(), EPS); // second step writes only 4 - 3
        Tensor decay = f32(shape(1, 2, 1), Math.log(0.5), Math.log(0.5));
        Tensor gated = KernelRun.of("LinearAttention").in(q).in(k).in(v).in(null).in(decay).attr("update_rule", "gated")
                .attr("q_num_heads", 1L).attr("kv_num_heads", 1L).attr("scale", 1.0).opset(27).run1();
        assertArrayEquals(new double[] {3, 11}, gated.doubles(), 1e-5);
    }

    @Test
    void inferenceCountsThePastCache() {
        var t = KernelRun.of("Attention").in(f32(shape(1, 4, 2, 8), new double[64])).in(f32(shape(1, 2, 2, 8), new double[32]))
                .in(f32(shape(1, 2, 2, 6), new double[24])).in(null).in(f32(shape(1, 2, 3, 8), new double[48]))
                .in(f32(shape(1, 2, 3, 6), new double[36])).opset(23).outputs(4).infer();
        assertEquals(TensorType.of(FloatType.F32, 1, 4, 2, 6), t.get(0));
        assertEquals(TensorType.of(FloatType.F32, 1, 2, 5, 8), t.get(1));
        assertEquals(TensorType.of(FloatType.F32, 1, 2, 5, 6), t.get(2));
        assertEquals(TensorType.of(FloatType.F32, 1, 4, 2, 5), t.get(3));
    }
}
