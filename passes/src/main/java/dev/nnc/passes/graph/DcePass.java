package dev.nnc.passes.graph;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.List;
import java.util.Set;

/**
 * Dead code elimination: removes every op (constants and NoValue included) whose results are all
 * unused. Ops are pure in the graph dialects, so an unused result means nothing depends on the
 * op; terminators and ops without results stay. Walks each block backwards so whole dead chains
 * go in one sweep.
 *
 * <pre>
 * before: %c = "onnx.Constant"() ...   %d = "onnx.Neg"(%c) ...   (neither used)
 * after:  (both gone)
 * </pre>
 */
public final class DcePass extends BasePass<DcePass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("dce", "remove ops whose results are unused",
            Options.class, new Options(), Set.of(IrStage.ONNX, IrStage.Q), null, DcePass::new);

    public DcePass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        int removed = sweep(module.op());
        context.count("removed", removed);
        return removed > 0;
    }

    private static int sweep(Operation root) {
        int removed = 0;
        for (Region r : root.regions()) {
            for (Block b : r.blocks()) {
                List<Operation> ops = b.operations();
                for (int i = ops.size() - 1; i >= 0; i--) {
                    Operation op = ops.get(i);
                    if (isDead(op, b)) {
                        b.erase(op);
                    } else {
                        removed += sweep(op);
                        continue;
                    }
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isDead(Operation op, Block b) {
        if (op == b.terminator() || op.numResults() == 0) {
            return false;
        }
        String d = op.dialect();
        if (d.equals("builtin") || d.equals("func")) {
            return false;
        }
        for (Value v : op.results()) {
            if (v.hasUses()) {
                return false;
            }
        }
        return true;
    }
}
