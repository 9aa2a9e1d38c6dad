package dev.nnc.tests;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.OptLevels;
import dev.nnc.passes.PassManager;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.PassRun;
import dev.nnc.passes.PipelineResult;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.Map;
import java.util.TreeMap;

/** The -O2 pipeline of the standard registry, run through the pass manager with verification after each pass. */
public final class O2 {
    private O2() {
    }

    public static Pipeline pipeline() {
        return OptLevels.pipeline(2, PassRegistry.standard());
    }

    /** Runs -O2 on {@code module} in place. */
    public static PipelineResult run(ModuleOp module) {
        return new PassManager().verifyEach(true).run(pipeline(), module);
    }

    /** The statistics of a run summed per {@code pass.statistic}. */
    public static Map<String, Long> statistics(PipelineResult result) {
        Map<String, Long> out = new TreeMap<>();
        for (PassRun r : result.runs()) {
            r.statistics().forEach((k, v) -> out.merge(r.step().argument() + "." + k, v, Long::sum));
        }
        return out;
    }
}
