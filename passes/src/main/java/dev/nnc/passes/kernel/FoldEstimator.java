package dev.nnc.passes.kernel;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.tensor.Shapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates a kernel-level design as it stands (the simd and pe properties of its ops) on a
 * device: {@link FoldLayer} gives each primitive's resources, {@link StreamRates} its cycles per
 * frame in the pipeline; this adds the boundary streams (one beat a cycle, as the testbench
 * drives them) and the latency model.
 */
public final class FoldEstimator {
    private static final Map<String, String> KINDS = Map.of(KernelDialect.SWG, "swg", KernelDialect.MVAU, "mvau",
            KernelDialect.POOL, "pool", KernelDialect.ADD, "add", KernelDialect.SOFTMAX, "softmax");

    private FoldEstimator() {
    }

    /** The compute primitives of the module's functions, in order. */
    static List<FoldLayer> layers(ModuleOp module) {
        List<FoldLayer> out = new ArrayList<>();
        for (FuncOp f : module.functions()) {
            for (Operation op : f.body().operations()) {
                String kind = KINDS.get(op.name());
                if (kind != null) {
                    out.add(new FoldLayer(op, kind, KernelTypes.shape(op.operand(0).type()), KernelTypes.shape(op.result(0).type()),
                            KernelTypes.fixed(op.operand(0).type()), KernelTypes.fixed(op.result(0).type())));
                }
            }
        }
        return out;
    }

    /** The estimate of the module's design on the device. */
    public static DesignEstimate estimate(ModuleOp module, Device device) {
        List<LayerEstimate> est = new ArrayList<>();
        Resources total = Resources.NONE;
        long ii = 1;
        List<FoldLayer> layers = layers(module);
        StreamRates rates = StreamRates.of(module, layers);
        for (FoldLayer l : layers) {
            LayerEstimate e = new LayerEstimate(l.name(), l.kind(), l.simd(), l.pe(), rates.cycles(l),
                    l.resources(device, l.simd(), l.pe()));
            est.add(e);
            total = total.plus(e.resources());
            ii = Math.max(ii, e.cycles());
        }
        for (Boundary b : boundaries(module)) {
            ii = Math.max(ii, b.beats());
        }
        return new DesignEstimate(device, List.copyOf(est), ii, latency(module), total);
    }

    /** A stream between host and device and its beats per frame. */
    record Boundary(Operation op, long beats) {
    }

    /** to_stream: beats at the first reader's simd; from_stream: at the producer's output lanes. */
    static List<Boundary> boundaries(ModuleOp module) {
        List<Boundary> out = new ArrayList<>();
        for (FuncOp f : module.functions()) {
            for (Operation op : f.body().operations()) {
                if (op.name().equals(KernelDialect.TO_STREAM)) {
                    out.add(new Boundary(op, Shapes.size(KernelTypes.shape(op.result(0).type())) / readerLanes(op.result(0))));
                } else if (op.name().equals(KernelDialect.FROM_STREAM)) {
                    out.add(new Boundary(op, Shapes.size(KernelTypes.shape(op.operand(0).type())) / producerLanes(op.operand(0))));
                }
            }
        }
        return out;
    }

    static int readerLanes(Value v) {
        for (Value.Use u : v.uses()) {
            Operation r = u.user();
            if (r.name().equals(KernelDialect.RESHAPE)) {
                return readerLanes(r.result(0));
            }
            if (KINDS.containsKey(r.name())) {
                return (int) new dev.nnc.ir.spec.OpAttributes(r, null).getInt("simd", 1);
            }
        }
        return 1;
    }

    static int producerLanes(Value v) {
        Operation p = v.definingOp();
        if (p == null) {
            return 1;
        }
        if (p.name().equals(KernelDialect.RESHAPE)) {
            return producerLanes(p.operand(0));
        }
        dev.nnc.ir.spec.OpAttributes a = new dev.nnc.ir.spec.OpAttributes(p, null);
        return (int) (p.name().equals(KernelDialect.MVAU) ? a.getInt("pe", 1) : KINDS.containsKey(p.name()) ? a.getInt("simd", 1) : 1);
    }

    /**
     * Cycles from the first input beat to the last output beat of one frame: for each stream the
     * cycles of its first and last beat, each primitive adding its start-up (a window generator
     * starts after its whole frame) and two cycles for the FIFO between primitives.
     */
    static long latency(ModuleOp module) {
        Map<Value, long[]> t = new HashMap<>();
        Map<Operation, FoldLayer> byOp = new HashMap<>();
        for (FoldLayer l : layers(module)) {
            byOp.put(l.op(), l);
        }
        long end = 0;
        for (FuncOp f : module.functions()) {
            for (Operation op : f.body().operations()) {
                if (op.name().equals(KernelDialect.TO_STREAM)) {
                    long beats = Shapes.size(KernelTypes.shape(op.result(0).type())) / readerLanes(op.result(0));
                    t.put(op.result(0), new long[] {0, beats - 1});
                } else if (op.name().equals(KernelDialect.RESHAPE) && t.containsKey(op.operand(0))) {
                    t.put(op.result(0), t.get(op.operand(0)));
                } else if (op.name().equals(KernelDialect.FROM_STREAM) && t.containsKey(op.operand(0))) {
                    end = Math.max(end, t.get(op.operand(0))[1] + 1);
                } else if (byOp.containsKey(op) && t.containsKey(op.operand(0))) {
                    t.put(op.result(0), stage(byOp.get(op), t.get(op.operand(0)), op.numOperands() > 1 ? t.get(op.operand(1)) : null));
                }
            }
        }
        return end;
    }

    private static long[] stage(FoldLayer l, long[] in, long[] in2) {
        long cycles = l.cycles(l.simd(), l.pe());
        long first;
        long last;
        int lastDim = l.in()[l.in().length - 1];
        switch (l.kind()) {
            case "swg" -> {
                // the first window row reads once the input rows it needs are in; the last once the frame is
                dev.nnc.ir.kernel.SwgGeometry g = dev.nnc.ir.kernel.SwgGeometry.of(l.attrs(), l.in());
                int rows = Math.max(1, Math.min(g.h(), (g.kh() - 1) * g.dh() + 1 - g.pt()));
                first = in[0] + (in[1] - in[0]) * rows / g.h() + 3;
                long rowBeats = (long) g.outW() * l.out()[2] / l.simd();
                last = Math.max(first + Shapes.size(l.out()) / l.simd() - 1, in[1] + rowBeats + 2);
            }
            case "mvau" -> {
                long sf = lastDim / l.simd();
                long nf = l.out()[l.out().length - 1] / l.pe();
                first = in[0] + sf + 2;
                last = Math.max(in[1] + (nf - 1) * sf + 2, in[0] + cycles + 2);
            }
            case "softmax" -> {
                first = in[0] + 2L * lastDim + 3;
                last = Math.max(in[1] + 2L * lastDim + 3, in[0] + cycles + lastDim + 2);
            }
            case "add" -> {
                first = Math.max(in[0], in2 == null ? 0 : in2[0]) + 2;
                last = Math.max(Math.max(in[1], in2 == null ? 0 : in2[1]) + 2, first + cycles);
            }
            default -> {
                first = in[0] + lastDim / l.simd() + 2;
                last = Math.max(in[1] + 2, in[0] + cycles + 2);
            }
        }
        return new long[] {first, last};
    }
}
