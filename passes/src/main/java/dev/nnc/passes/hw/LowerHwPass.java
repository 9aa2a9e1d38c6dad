package dev.nnc.passes.hw;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.Set;

/**
 * {@code lower-hw}: kernel ops become a hw netlist (docs/hardware.md §3). Each compute kernel op
 * becomes its hw primitive with the same properties plus {@code in_shape}/{@code out_shape};
 * {@code kernel.to_stream}/{@code from_stream} become {@code hw.source}/{@code hw.sink};
 * {@code kernel.reshape} disappears (it moves no data). Then {@link StreamPlumbing} gives every
 * stream one reader ({@code hw.fork}), matches lane counts ({@code hw.dwc}) and puts a depth-2
 * {@code hw.fifo} between any two compute primitives.
 * <pre>
 * before: %t = "kernel.to_stream"(%q) &lt;{perm = [0, 2, 3, 1]}&gt;   %m = "kernel.mvau"(%w) &lt;{simd = 2, pe = 1, ...}&gt;
 * after:  %t = "hw.source"(%q) ... -&gt; !hw.stream&lt;2xfixed&lt;8,3&gt;&gt;   %m = "hw.mvau"(%w_fifo) &lt;{in_shape = [16], out_shape = [10], ...}&gt;
 * </pre>
 * Cast modes other than RND_CONV + SAT and TRN + WRAP have no RTL and are rejected naming the node.
 * Names carry over: a primitive keeps its kernel op's location and result name, so RTL instances
 * are named after the ONNX layers; plumbing is named after the stream it serves.
 */
public final class LowerHwPass extends BasePass<LowerHwPass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("lower-hw",
            "turn kernel ops into a hw netlist of sources, sinks, primitives, forks, width converters and FIFOs",
            Options.class, new Options(), Set.of(IrStage.KERNEL), IrStage.HW, LowerHwPass::new);

    public LowerHwPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        boolean changed = false;
        for (FuncOp f : module.functions()) {
            KernelToHw lowering = new KernelToHw(f.body(), context);
            changed |= lowering.run();
            if (lowering.created().isEmpty()) {
                continue;
            }
            new StreamPlumbing(f.body(), context).run(lowering.created());
        }
        return changed;
    }
}
