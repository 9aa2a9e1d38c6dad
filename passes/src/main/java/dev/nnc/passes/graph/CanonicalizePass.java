package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.rewrite.GreedyRewriteDriver;
import java.util.Set;

/**
 * Local simplifications to a fixpoint: removes Identity, inference Dropout, no-op
 * Reshape/Flatten/Squeeze/Unsqueeze/Expand/Transpose/Cast, all-zero Pad, full Slice and one-input
 * Concat; merges Transpose pairs and reshape chains; drops neutral operands (x+0, x-0, x*1, x/1)
 * that do not broadcast. A removed graph output simply moves to the forwarded value (its name is
 * kept by {@code result_names}). Each pattern is counted under its name.
 *
 * <pre>
 * before: %t = "onnx.Transpose"(%x) &lt;{perm = [1, 0]}&gt;   %y = "onnx.Transpose"(%t) &lt;{perm = [1, 0]}&gt;
 * after:  (uses of %y read %x)
 * </pre>
 */
public final class CanonicalizePass extends BasePass<CanonicalizePass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("canonicalize",
            "remove no-op ops, merge transpose and reshape chains, drop x+0 / x*1",
            Options.class, new Options(), Set.of(IrStage.ONNX, IrStage.Q), null, CanonicalizePass::new);

    public CanonicalizePass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        return GreedyRewriteDriver.apply(module.op(), CanonicalPatterns.all(module.opset()), context);
    }
}
