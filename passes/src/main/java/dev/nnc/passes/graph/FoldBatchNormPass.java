package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.Set;

/**
 * Folds inference BatchNormalization {@code y = a*x + b} (per channel, {@code a = scale /
 * sqrt(var + eps)}, {@code b = B - mean*a}) into the constant weights of an adjacent op:
 * <ul>
 * <li>after a Conv, Gemm, or 2-D MatMul whose only user is the BatchNormalization: weights and
 *     bias scaled per output channel (MatMul becomes Gemm to carry the bias);</li>
 * <li>before a Conv ({@code group = 1}, no padding: with padding the padded zeros would have to
 *     become {@code -b/a}, which a Conv cannot express) whose only input producer it is: weights
 *     scaled per input channel, {@code b} folded into the bias through the weights.</li>
 * </ul>
 * Not folded when the producer's result has another user, parameters are not constants, or in
 * training mode. Folded values are rounded once to the element type.
 *
 * <pre>
 * before: %c = "onnx.Conv"(%x, %W, %B)   %y = "onnx.BatchNormalization"(%c, %s, %b, %m, %v)
 * after:  %y = "onnx.Conv"(%x, %W', %B')
 * </pre>
 */
public final class FoldBatchNormPass extends BasePass<FoldBatchNormPass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("fold-batchnorm",
            "fold inference BatchNormalization into an adjacent Conv/Gemm/MatMul's constant weights",
            Options.class, new Options(), Set.of(IrStage.ONNX, IrStage.Q), null, FoldBatchNormPass::new);

    public FoldBatchNormPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        int after = 0;
        int before = 0;
        for (Operation bn : Graph.opsBelow(module.op())) {
            if (bn.parent() == null || !bn.name().equals("onnx.BatchNormalization")) {
                continue;
            }
            double[][] ab = affine(bn, module.opset(), context);
            if (ab == null) {
                continue;
            }
            Operation producer = bn.operand(0).definingOp();
            if (producer != null && Graph.singleUser(bn.operand(0)) == bn && BatchNormFolding.intoProducer(producer, bn, ab)) {
                after++;
            } else if (BatchNormFolding.intoConsumer(bn, ab)) {
                before++;
            }
        }
        context.count("folded-into-producer", after);
        context.count("folded-into-consumer", before);
        return after + before > 0;
    }

    /** {a, b} per channel, or null when this BatchNormalization cannot fold (training, non-constant, not float). */
    private static double[][] affine(Operation bn, int opset, PassContext context) {
        OpAttributes at = new OpAttributes(bn, context.registry().lookup(bn.name()).orElse(null));
        if (at.getInt("training_mode", 0) != 0 || !Graph.isFloat(bn.result(0)) || Graph.rank(bn.operand(0)) < 2) {
            return null;
        }
        if (bn.numResults() > 1 && opset < 14) {
            return null; // extra outputs before opset 14 mean training mode
        }
        for (int i = 1; i < bn.numResults(); i++) {
            if (bn.result(i).hasUses()) {
                return null;
            }
        }
        Tensor[] p = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            p[i] = Graph.constant(bn.operand(i + 1));
            if (p[i] == null || p[i].rank() != 1 || p[i].size() != p[0].size()) {
                return null;
            }
        }
        double eps = at.getFloat("epsilon", 1e-5);
        int c = p[0].size();
        double[] a = new double[c];
        double[] b = new double[c];
        for (int k = 0; k < c; k++) {
            a[k] = p[0].getDouble(k) / Math.sqrt(p[3].getDouble(k) + eps);
            b[k] = p[1].getDouble(k) - p[2].getDouble(k) * a[k];
        }
        return new double[][] {a, b};
    }

    static Value replaceResult(Operation bn, Operation replacement) {
        bn.result(0).replaceAllUsesWith(replacement.result(0));
        return replacement.result(0);
    }
}
