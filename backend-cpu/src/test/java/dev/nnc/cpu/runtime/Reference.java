package dev.nnc.cpu.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The interpreter's semantics of one {@code onnx} op on given tensors: the reference every runtime
 * kernel is tested against, on random inputs from fixed seeds.
 */
final class Reference {
    static final int OPSET = 17;

    private Reference() {
    }

    /** Evaluates {@code onnx.<op>} with these properties on these inputs; returns its first output. */
    static Tensor eval(String op, Map<String, Attribute> props, Tensor... inputs) {
        Block block = new Region().addBlock();
        List<Value> operands = new ArrayList<>();
        for (Tensor t : inputs) {
            operands.add(block.addArgument(t.tensorType(), null));
        }
        Operation o = Operation.create("onnx." + op, operands, List.of(inputs[0].tensorType()), props, Location.UNKNOWN);
        OpSpec spec = DialectRegistry.standard().lookup(o.name()).orElseThrow();
        return (Tensor) spec.semantics().evaluate(new EvalContext(o, spec, List.of(inputs), OPSET)).get(0);
    }

    static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }

    static float[] floats(Tensor t) {
        double[] d = t.doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Asserts {@code actual} equals the reference within float rounding of sums (1e-4 relative, 1e-5 absolute). */
    static void assertClose(Tensor expected, float[] actual) {
        double[] e = expected.doubles();
        assertEquals(e.length, actual.length, "element count");
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - actual[i]) > 1e-5 + 1e-4 * Math.abs(e[i])) {
                assertArrayEquals(e, toDoubles(actual), 1e-5 + 1e-4 * Math.abs(e[i]), "first difference at " + i);
            }
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    static Attribute ints(long... v) {
        return Attribute.ints(v);
    }

    /**
     * What a 2-D convolution layer with a fused Relu or Clip computes: onnx.Conv of x and w (with
     * {@code bias} unless null, and the given group), then onnx.Clip to the clamp's bounds unless it
     * is {@link Clamp#NONE}. Windows kh x kw, stride s, pads pb before and pe after, dilation d (both axes).
     */
    static Tensor convClamped(Tensor x, Tensor w, Tensor bias, int group, int kh, int kw, int s, int pb, int pe, int d,
                              Clamp clamp) {
        Map<String, Attribute> attrs = Map.of("group", Attribute.of(group), "kernel_shape", ints(kh, kw),
                "strides", ints(s, s), "pads", ints(pb, pb, pe, pe), "dilations", ints(d, d));
        Tensor conv = bias != null ? eval("Conv", attrs, x, w, bias) : eval("Conv", attrs, x, w);
        return clamp == Clamp.NONE ? conv : eval("Clip", Map.of(), conv,
                Tensor.ofDoubles(FloatType.F32, new int[0], new double[] {clamp.lo()}),
                Tensor.ofDoubles(FloatType.F32, new int[0], new double[] {clamp.hi()}));
    }

    /** The runtime's window of that 2-D layer on an h x w input. */
    static Window3 window(int h, int w, int kh, int kw, int s, int pb, int pe, int d) {
        int oh = (h + pb + pe - d * (kh - 1) - 1) / s + 1;
        int ow = (w + pb + pe - d * (kw - 1) - 1) / s + 1;
        return new Window3(new int[] {1, h, w}, new int[] {1, kh, kw}, new int[] {1, s, s}, new int[] {1, d, d},
                new int[] {0, pb, pb}, new int[] {0, pe, pe}, new int[] {1, oh, ow});
    }

    /** An NCHW tensor's values in NHWC order ({@link ChannelsLast#toNhwc}, which ChannelsLastTest checks). */
    static float[] nhwc(Tensor t) {
        int[] s = t.shape();
        float[] y = new float[t.size()];
        ChannelsLast.toNhwc(floats(t), y, s[0], s[1], s[2] * s[3]);
        return y;
    }

    /** NHWC values of an [n, c, h, w] tensor back in NCHW order. */
    static float[] nchw(float[] x, int n, int c, int spatial) {
        float[] y = new float[x.length];
        ChannelsLast.toNchw(x, y, n, c, spatial);
        return y;
    }
}
