package dev.nnc.passes;

import java.util.ArrayList;
import java.util.List;

/**
 * The list of the project's passes: adding a pass is one {@code add} line here (keep one line
 * per pass so branches merge cleanly). {@link PassRegistry#standard()} reads it.
 */
final class StandardPasses {
    private StandardPasses() {
    }

    static List<PassInfo<?>> all() {
        List<PassInfo<?>> passes = new ArrayList<>();
        // graph passes (onnx and q stages)
        passes.add(dev.nnc.passes.graph.ShapeInferencePass.INFO);
        passes.add(dev.nnc.passes.graph.CanonicalizePass.INFO);
        passes.add(dev.nnc.passes.graph.FoldConstantsPass.INFO);
        passes.add(dev.nnc.passes.graph.DcePass.INFO);
        passes.add(dev.nnc.passes.graph.CsePass.INFO);
        passes.add(dev.nnc.passes.graph.FoldBatchNormPass.INFO);
        passes.add(dev.nnc.passes.graph.FusePass.INFO);
        passes.add(dev.nnc.passes.graph.CancelTransposesPass.INFO);
        passes.add(dev.nnc.passes.quant.QuantizePass.INFO);
        // hardware flow (q → kernel → hw)
        passes.add(dev.nnc.passes.kernel.LowerKernelPass.INFO);
        passes.add(dev.nnc.passes.kernel.FoldPass.INFO);
        // hardware (kernel -> hw)
        passes.add(dev.nnc.passes.hw.LowerHwPass.INFO);
        passes.add(dev.nnc.passes.hw.SizeFifosPass.INFO);
        return passes;
    }
}
