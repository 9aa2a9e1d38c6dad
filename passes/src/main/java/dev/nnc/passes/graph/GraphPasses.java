package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.Pass;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph passes of this package and the -O2 order they are meant to run in. {@link #runO2}
 * runs that sequence directly (verifying after each pass) for callers that do not go through
 * the pass manager.
 */
public final class GraphPasses {
    private GraphPasses() {
    }

    /** Every graph pass. */
    public static List<PassInfo<?>> all() {
        return List.of(ShapeInferencePass.INFO, CanonicalizePass.INFO, FoldConstantsPass.INFO, DcePass.INFO,
                CsePass.INFO, FoldBatchNormPass.INFO, FusePass.INFO, CancelTransposesPass.INFO);
    }

    /** The -O2 graph sequence, as pipeline text. */
    public static final String O2 = "shape-inference,canonicalize,fold-constants,shape-inference,canonicalize,"
            + "fold-batchnorm,fuse,cancel-transposes,cse,canonicalize,dce";

    /** The -O2 sequence as pass instances with default options. */
    public static List<Pass> o2() {
        List<Pass> out = new java.util.ArrayList<>();
        for (String arg : O2.split(",")) {
            out.add(all().stream().filter(i -> i.argument().equals(arg)).findFirst().orElseThrow().create());
        }
        return out;
    }

    /**
     * Runs the -O2 sequence on {@code module}, verifying after each pass; returns the statistics
     * as {@code pass.statistic -> total}.
     */
    public static Map<String, Long> runO2(ModuleOp module) {
        Map<String, Long> stats = new TreeMap<>();
        for (Pass p : o2()) {
            PassContext ctx = new PassContext();
            p.run(module, ctx);
            Verifier.verifyOrThrow(module.op(), ctx.registry());
            ctx.statistics().forEach((k, v) -> stats.merge(p.info().argument() + "." + k, v, Long::sum));
        }
        return stats;
    }
}
