package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.rewrite.GreedyRewriteDriver;
import java.util.Set;

/**
 * Layout cleanup for channels-last exports: pushes Transposes down through element-wise ops
 * (unary, binary with a constant — permuted to match — or a broadcast scalar, or with both
 * operands transposed alike), merges and cancels Transpose pairs, turns a Transpose that only
 * moves size-1 axes into a Reshape, and absorbs a Transpose feeding Flatten → Gemm/MatMul into a
 * row permutation of the constant weights.
 *
 * <pre>
 * before: %t = "onnx.Transpose"(%x) &lt;{perm = [0, 2, 3, 1]}&gt;  %r = "onnx.Relu"(%t)  %y = "onnx.Transpose"(%r) &lt;{perm = [0, 3, 1, 2]}&gt;
 * after:  %y = "onnx.Relu"(%x)
 * </pre>
 */
public final class CancelTransposesPass extends BasePass<CancelTransposesPass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("cancel-transposes",
            "push Transposes through element-wise ops and cancel them (channels-last cleanup)",
            Options.class, new Options(), Set.of(IrStage.ONNX, IrStage.Q), null, CancelTransposesPass::new);

    public CancelTransposesPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        return GreedyRewriteDriver.apply(module.op(), TransposePatterns.all(module.opset()), context);
    }
}
