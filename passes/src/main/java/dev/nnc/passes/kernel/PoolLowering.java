package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.FixedAverage;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pooling as {@code kernel.swg} + {@code kernel.pool}: MaxPool (no padding: the swg pads with
 * zeros, which a max must not see), AveragePool (padding only when the pads count in the
 * divisor) and GlobalAveragePool (one window over the whole frame). The mean is
 * {@link FixedAverage}'s, as in the q-level semantics.
 */
final class PoolLowering {
    private PoolLowering() {
    }

    /** A kernel.swg of stream s by the window; its result's name follows the layer. */
    static Value swg(Lowering l, Operation layer, Lowered.Stream s, Window win, FixedType t) {
        int[] in = Lowered.streamShape(s.logicalShape(), s.perm());
        Map<String, Attribute> props = new HashMap<>();
        props.put("kernel_shape", Lowering.ints(win.kernel()));
        props.put("strides", Lowering.ints(win.strides()));
        props.put("pads", Lowering.ints(win.padBegin()[0], win.padBegin()[1], win.padEnd()[0], win.padEnd()[1]));
        props.put("dilations", Lowering.ints(win.dilations()));
        int taps = win.kernel()[0] * win.kernel()[1];
        TensorType type = TensorType.of(t, new int[] {win.out()[0], win.out()[1], taps * in[2]});
        String hint = (layer.result(0).nameHint() == null ? "v" : layer.result(0).nameHint()) + "_window";
        return l.create(KernelDialect.SWG, List.of(s.value()), type, props, layer, hint).result(0);
    }

    static void lower(Lowering l, Operation pool) {
        FixedType t = KernelTypes.fixed(pool.operand(0).type());
        FixedType out = KernelTypes.fixed(pool.result(0).type());
        int[] xs = KernelTypes.shape(pool.operand(0).type());
        int[] ys = KernelTypes.shape(pool.result(0).type());
        if (t == null || out == null || xs == null || ys == null || xs.length != 4) {
            throw l.error(pool, "only 2-D pooling of a static fixed-point [1, C, H, W] tensor is lowered");
        }
        for (int i = 1; i < pool.numResults(); i++) {
            if (pool.result(i).hasUses()) {
                throw l.error(pool, "its Indices output is not lowered");
            }
        }
        OpAttributes a = l.attrs(pool);
        boolean global = pool.name().equals("onnx.GlobalAveragePool");
        boolean max = pool.name().equals("onnx.MaxPool");
        Window win;
        if (global) {
            win = new Window(new int[] {xs[2], xs[3]}, new int[] {xs[2], xs[3]}, new int[] {1, 1}, new int[] {1, 1},
                    new int[2], new int[2], new int[] {1, 1});
        } else {
            long[] k = a.getInts("kernel_shape", null);
            if (k == null || k.length != 2) {
                throw l.error(pool, "needs a 2-D kernel_shape");
            }
            if (a.getInt("ceil_mode", 0) != 0) {
                throw l.error(pool, "ceil_mode = 1 is not lowered");
            }
            win = Window.of(pool.name(), a, new int[] {xs[2], xs[3]}, new int[] {(int) k[0], (int) k[1]}, false);
            boolean padded = win.padBegin()[0] + win.padBegin()[1] + win.padEnd()[0] + win.padEnd()[1] > 0;
            if (padded && (max || a.getInt("count_include_pad", 0) == 0)) {
                throw l.error(pool, max ? "padded max pooling is not lowered (the window generator pads with zeros)"
                        : "padded average pooling is lowered only with count_include_pad = 1");
            }
        }
        if (ys[2] != win.out()[0] || ys[3] != win.out()[1]) {
            throw l.error(pool, "its result shape does not match its window");
        }
        if (max && !t.equals(out)) {
            throw l.error(pool, "max pooling must keep its element type " + t.spelling() + ", got " + out.spelling());
        }
        Lowered.Stream s = l.stream(pool.operand(0), pool, Lowered.canonicalPerm(4));
        Value w = swg(l, pool, s, win, t);
        Map<String, Attribute> props = new HashMap<>();
        props.put("kind", Attribute.of(max ? "MAX" : "AVG"));
        props.put("channels", Attribute.of(xs[1]));
        if (!max) {
            Requantizer r = FixedAverage.of(win.kernel()[0] * win.kernel()[1], t, out);
            props.put("multiplier", Attribute.of(r.multiplier()));
            props.put("shift", Attribute.of(r.shift()));
        }
        int[] logical = ys;
        Operation p = l.create(KernelDialect.POOL, List.of(w), TensorType.of(out, Lowered.streamShape(logical, Lowered.canonicalPerm(4))),
                props, pool, pool.result(0).nameHint());
        l.map(pool.result(0), new Lowered.Stream(p.result(0), logical, Lowered.canonicalPerm(4), null, null));
    }
}
