package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets {@code simd} and {@code pe} on every kernel primitive so that the pipeline is balanced:
 * for a target of T cycles per frame each layer takes the least parallelism (simd·pe) whose
 * cycles per frame ({@link FoldLayer}) are at most T. Without {@code target-cycles} the pass
 * finds the smallest T whose design fits {@code budget} (a fraction) of every resource of the
 * device by a binary search over the cycle counts the layers can reach. Afterwards each stream's
 * producer and consumer lanes are made to divide one another (hw.dwc needs it) by lowering the
 * larger to their gcd. The estimate ({@link FoldEstimator}) is what the compile report prints.
 * <pre>
 * before: "kernel.mvau"(%x) &lt;{..., pe = 1, simd = 1}&gt;     (MW = 64, MH = 32: 2048 cycles)
 * after:  "kernel.mvau"(%x) &lt;{..., pe = 2, simd = 16}&gt;    (64 cycles, the slowest other layer's)
 * </pre>
 */
public final class FoldPass extends BasePass<FoldPass.Options> {
    /**
     * @param device       the device table entry to fit (see {@link Device#all()})
     * @param targetCycles cycles per frame to reach; 0 = as fast as the budget allows
     * @param budget       fraction of each device resource the design may use
     */
    public record Options(String device, long targetCycles, double budget) {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("fold",
            "choose PE and SIMD per kernel so the pipeline balances within a device budget or reaches a target II",
            Options.class, new Options("xc7z020", 0, 0.8), Set.of(IrStage.KERNEL), null, FoldPass::new);

    /** The module attribute naming the device the design was folded for. */
    public static final String DEVICE_ATTRIBUTE = "fold.device";

    public FoldPass(Options options) {
        super(INFO, options);
        Device.named(options.device()); // an unknown device fails when the pipeline is built
        if (!(options.budget() > 0) || options.budget() > 1 || options.targetCycles() < 0) {
            throw new dev.nnc.ir.diag.NncException("fold: budget must be in (0, 1] and target-cycles >= 0");
        }
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        List<FoldLayer> layers = FoldEstimator.layers(module);
        if (layers.isEmpty()) {
            return false;
        }
        Device device = Device.named(options().device());
        TreeSet<Long> targets = new TreeSet<>();
        long floor = 1;
        for (FoldLayer l : layers) {
            long fastest = Long.MAX_VALUE;
            for (int[] f : l.foldings()) {
                long c = l.cycles(f[0], f[1]);
                targets.add(c);
                fastest = Math.min(fastest, c);
            }
            floor = Math.max(floor, fastest);
        }
        DesignEstimate est;
        if (options().targetCycles() > 0) {
            est = apply(module, layers, device, Math.max(floor, options().targetCycles()));
        } else {
            List<Long> ts = new ArrayList<>(targets.tailSet(floor, true));
            int lo = 0;
            int hi = ts.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (apply(module, layers, device, ts.get(mid)).fits(options().budget())) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            est = apply(module, layers, device, ts.get(lo));
        }
        if (!est.fits(options().budget())) {
            context.warning(layers.get(0).op(), "the design needs more than " + Math.round(options().budget() * 100) + " % of "
                    + device.name() + " even at " + est.iiCycles() + " cycles per frame");
        }
        module.op().attributes().put(DEVICE_ATTRIBUTE, Attribute.of(device.name()));
        context.count("ii-cycles", est.iiCycles());
        context.count("layers", layers.size());
        return true;
    }

    /**
     * Folds every layer, in order, for target T: the least simd·pe (then the largest simd) whose
     * cycles in the pipeline ({@link StreamRates}) reach T, raising the simd of the window
     * generator that feeds an MVAU so that it delivers a window as fast as the MVAU reads it;
     * then makes lanes compatible and estimates the result.
     */
    static DesignEstimate apply(ModuleOp module, List<FoldLayer> layers, Device device, long target) {
        for (FoldLayer l : layers) {
            set(l.op(), 1, 1);
        }
        Map<Operation, FoldLayer> byOp = new HashMap<>();
        layers.forEach(l -> byOp.put(l.op(), l));
        for (FoldLayer l : layers) {
            StreamRates rates = StreamRates.of(module, layers);
            FoldLayer window = l.kind().equals("mvau") ? byOp.get(StreamRates.windowProducer(l)) : null;
            int[] best = null;
            long bestCycles = Long.MAX_VALUE;
            int bestWindow = 0;
            for (int[] f : l.foldings()) {
                int ws = window == null ? -1 : Math.max(window.simd(), windowSimd(window, f[0]));
                long c = rates.effective(l, f[0], f[1], ws);
                boolean reaches = c <= target;
                boolean better = best == null
                        || (reaches && bestCycles > target)
                        || (reaches && ((long) f[0] * f[1] < (long) best[0] * best[1]
                                || ((long) f[0] * f[1] == (long) best[0] * best[1] && f[0] > best[0])))
                        || (!reaches && bestCycles > target && c < bestCycles);
                if (better) {
                    best = f;
                    bestCycles = c;
                    bestWindow = ws;
                }
            }
            set(l.op(), best[0], best[1]);
            if (window != null && bestWindow > window.simd()) {
                set(window.op(), bestWindow, 1);
            }
        }
        matchLanes(layers);
        return FoldEstimator.estimate(module, device);
    }

    /** The largest simd of the window generator, at most the MVAU's simd, dividing its channels and lane-compatible with it. */
    private static int windowSimd(FoldLayer window, int mvauSimd) {
        int best = 1;
        for (int d : FoldLayer.divisors(window.simdDim())) {
            if (d <= mvauSimd && (mvauSimd % d == 0)) {
                best = Math.max(best, d);
            }
        }
        return best;
    }

    /**
     * Makes every producer's output lanes and consumer's simd divide one another: first by raising
     * the smaller side to the least lane count its dimension allows that is compatible (more
     * parallelism, never slower), else by lowering the larger to their gcd.
     */
    static void matchLanes(List<FoldLayer> layers) {
        Map<Operation, FoldLayer> byOp = new HashMap<>();
        layers.forEach(l -> byOp.put(l.op(), l));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (FoldLayer c : layers) {
                for (Value v : c.op().operands()) {
                    FoldLayer p = byOp.get(producer(v));
                    if (p == null) {
                        continue;
                    }
                    int out = p.outLanes(p.simd(), p.pe());
                    int in = c.simd();
                    if (out % in == 0 || in % out == 0) {
                        continue;
                    }
                    changed = true;
                    boolean mvau = p.kind().equals("mvau");
                    int raisedIn = raise(c.simdDim(), in, out);
                    int raisedOut = raise(mvau ? p.peDim() : p.simdDim(), out, in);
                    if (raisedIn > 0) {
                        set(c.op(), raisedIn, c.pe());
                    } else if (raisedOut > 0) {
                        set(p.op(), mvau ? p.simd() : raisedOut, mvau ? raisedOut : p.pe());
                    } else if (out > in) {
                        int g = gcd(out, in);
                        set(p.op(), mvau ? p.simd() : g, mvau ? g : p.pe());
                    } else {
                        set(c.op(), gcd(out, in), c.pe());
                    }
                }
            }
        }
    }

    /** The least divisor of dim above {@code lanes} that divides or is divided by {@code other}, or 0. */
    private static int raise(int dim, int lanes, int other) {
        for (int d : FoldLayer.divisors(dim)) {
            if (d > lanes && (d % other == 0 || other % d == 0)) {
                return d;
            }
        }
        return 0;
    }

    private static Operation producer(Value v) {
        Operation p = v.definingOp();
        while (p != null && p.name().equals(KernelDialect.RESHAPE)) {
            p = p.operand(0).definingOp();
        }
        return p;
    }

    private static void set(Operation op, int simd, int pe) {
        op.setProperty("simd", Attribute.of(simd));
        if (op.name().equals(KernelDialect.MVAU)) {
            op.setProperty("pe", Attribute.of(pe));
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
