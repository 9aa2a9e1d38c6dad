package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.Type;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common subexpression elimination: within a block, an op equal to an earlier one (same name,
 * operands, properties, attributes and result types; no regions) is replaced by the earlier one.
 * Duplicate constants merge too ({@code DenseAttr} equality compares the tensors). Random ops
 * never merge.
 *
 * <pre>
 * before: %a = "onnx.Relu"(%x) ...  %b = "onnx.Relu"(%x) ...  "onnx.Add"(%a, %b)
 * after:  %a = "onnx.Relu"(%x) ...  "onnx.Add"(%a, %a)
 * </pre>
 */
public final class CsePass extends BasePass<CsePass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("cse", "merge identical ops (and equal constants)",
            Options.class, new Options(), Set.of(IrStage.ONNX, IrStage.Q), null, CsePass::new);

    /** What makes two ops interchangeable; operands compare by identity (Value has no equals). */
    private record Key(String name, List<Value> operands, Map<String, Attribute> properties,
                       Map<String, Attribute> attributes, List<Type> resultTypes) {
    }

    public CsePass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        int merged = visit(module.op());
        context.count("merged", merged);
        return merged > 0;
    }

    private static int visit(Operation root) {
        int merged = 0;
        for (Region r : root.regions()) {
            for (Block b : r.blocks()) {
                Map<Key, Operation> seen = new HashMap<>();
                for (Operation op : List.copyOf(b.operations())) {
                    if (!op.regions().isEmpty()) {
                        merged += visit(op);
                        continue;
                    }
                    if (op.numResults() == 0 || op.name().contains("Random") || op.name().equals("onnx.Multinomial")
                            || op.name().equals("onnx.Bernoulli")) {
                        continue;
                    }
                    Key k = new Key(op.name(), List.copyOf(op.operands()), Map.copyOf(op.properties()),
                            Map.copyOf(op.attributes()), op.results().stream().map(Value::type).toList());
                    Operation earlier = seen.putIfAbsent(k, op);
                    if (earlier != null) {
                        for (int i = 0; i < op.numResults(); i++) {
                            op.result(i).replaceAllUsesWith(earlier.result(i));
                        }
                        b.erase(op);
                        merged++;
                    }
                }
            }
        }
        return merged;
    }
}
