package dev.nnc.passes.kernel;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.tensor.Shapes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cycles per frame each primitive really needs in the pipeline, given how fast its input
 * arrives: its own rate ({@link FoldLayer#cycles}) or its input's, whichever is slower, and for an
 * MVAU with NF = MH/PE &gt; 1 more: it takes input only while nf = 0, so each vector costs the
 * time its SF input beats need to arrive (less the {@link #PREFETCH} beats the FIFO and width
 * converter hold) plus (NF − 1)·SF cycles without input, at least NF·SF. A window
 * generator delivers one window of KH·KW·C/SIMD beats a cycle each (it holds the whole frame);
 * any other producer delivers a vector in its frame time / vectors. The design's II is the
 * largest of these; a source delivers one beat a cycle.
 */
final class StreamRates {
    /** Per stream: cycles to deliver a frame, and per consumer vector when the producer is a window generator (else 0). */
    private record Delivery(long frame, long perWindow) {
    }

    /** Input beats an MVAU finds waiting (FIFO, width converter) when it starts reading a vector. */
    static final int PREFETCH = 3;

    private final Map<Value, Delivery> streams = new HashMap<>();
    private final Map<Operation, Long> effective = new HashMap<>();

    /** Computes every stream's delivery and every layer's effective cycles per frame. */
    static StreamRates of(ModuleOp module, List<FoldLayer> layers) {
        StreamRates r = new StreamRates();
        Map<Operation, FoldLayer> byOp = new HashMap<>();
        layers.forEach(l -> byOp.put(l.op(), l));
        for (FuncOp f : module.functions()) {
            for (Operation op : f.body().operations()) {
                if (op.name().equals(KernelDialect.TO_STREAM)) {
                    long beats = Shapes.size(KernelTypes.shape(op.result(0).type())) / FoldEstimator.readerLanes(op.result(0));
                    r.streams.put(op.result(0), new Delivery(beats, 0));
                } else if (op.name().equals(KernelDialect.RESHAPE) && r.streams.containsKey(op.operand(0))) {
                    r.streams.put(op.result(0), r.streams.get(op.operand(0)));
                } else if (byOp.containsKey(op)) {
                    FoldLayer l = byOp.get(op);
                    long e = r.effective(l, l.simd(), l.pe(), -1);
                    r.effective.put(op, e);
                    long perWindow = l.kind().equals("swg") ? l.out()[2] / l.simd() : 0;
                    r.streams.put(op.result(0), new Delivery(e, perWindow));
                }
            }
        }
        return r;
    }

    /** The effective cycles of the layer, or its own cycles when it was not reached. */
    long cycles(FoldLayer l) {
        Long e = effective.get(l.op());
        return e != null ? e : l.cycles(l.simd(), l.pe());
    }

    /**
     * The layer's effective cycles per frame for a folding, with its inputs as delivered now; for an
     * MVAU after a window generator, {@code windowSimd} &gt; 0 asks what it would be if the generator
     * had that simd instead.
     */
    long effective(FoldLayer l, int simd, int pe, int windowSimd) {
        long own = l.cycles(simd, pe);
        long in = 0;
        Delivery first = null;
        for (Value v : l.op().operands()) {
            Delivery d = streams.get(v);
            if (d != null) {
                in = Math.max(in, d.frame());
                first = first == null ? d : first;
            }
        }
        if (!l.kind().equals("mvau") || first == null) {
            return Math.max(own, in);
        }
        long nv = l.vectors();
        long sf = l.in()[l.in().length - 1] / simd;
        long nf = l.out()[l.out().length - 1] / pe;
        if (isSource(l)) {
            // a source emits what its reader takes, one beat a cycle
            in = Shapes.size(l.in()) / simd;
            first = new Delivery(in, 0);
        }
        double perVector = first.perWindow() > 0 ? first.perWindow() : Math.max(1.0, (double) in / nv);
        if (windowSimd > 0 && first.perWindow() > 0) {
            perVector = (double) l.in()[l.in().length - 1] / windowSimd;
        }
        // nf = 0 reads SF beats, PREFETCH of them already waiting, the rest as they arrive
        double readPhase = Math.max(sf, (sf - PREFETCH) * perVector / sf);
        double vector = Math.max(perVector, readPhase + (nf - 1) * sf);
        return Math.max(in, (long) Math.ceil(nv * vector));
    }

    /** True when the layer reads a to_stream directly (through reshapes). */
    private static boolean isSource(FoldLayer l) {
        Operation p = l.op().operand(0).definingOp();
        while (p != null && p.name().equals(KernelDialect.RESHAPE)) {
            p = p.operand(0).definingOp();
        }
        return p != null && p.name().equals(KernelDialect.TO_STREAM);
    }

    /** The window generator feeding an MVAU (through reshapes), or null. */
    static Operation windowProducer(FoldLayer l) {
        Operation p = l.op().operand(0).definingOp();
        while (p != null && p.name().equals(KernelDialect.RESHAPE)) {
            p = p.operand(0).definingOp();
        }
        return p != null && p.name().equals(KernelDialect.SWG) ? p : null;
    }
}
