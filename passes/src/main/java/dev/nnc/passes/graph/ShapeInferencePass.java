package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills in static result types wherever they can be known, running each op's type inference in
 * program order (so an op sees its operands' refined types, and constant operands such as a
 * Reshape's shape). A type only ever becomes more precise; an inferred static size (or rank)
 * that contradicts a declared one is an error naming the op. An element type disagreement keeps
 * the declared type with a warning (it comes from a wrongly typed operand upstream).
 *
 * <pre>
 * before: %y = "onnx.Relu"(%x) : (tensor&lt;1x4xf32&gt;) -&gt; tensor&lt;*xf32&gt;
 * after:  %y = "onnx.Relu"(%x) : (tensor&lt;1x4xf32&gt;) -&gt; tensor&lt;1x4xf32&gt;
 * </pre>
 */
public final class ShapeInferencePass extends BasePass<ShapeInferencePass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("shape-inference",
            "infer static result types from operand types and constant operands", Options.class, new Options(),
            Set.of(IrStage.ONNX, IrStage.Q), null, ShapeInferencePass::new);

    public ShapeInferencePass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        int refined = 0;
        for (Operation op : Graph.opsBelow(module.op())) {
            OpSpec spec = context.registry().lookup(op.name()).orElse(null);
            if (spec == null || spec.inference() == null || op.numResults() == 0) {
                continue;
            }
            List<Type> operandTypes = new ArrayList<>();
            for (Value v : op.operands()) {
                operandTypes.add(v.type());
            }
            List<Type> inferred;
            try {
                inferred = spec.inference().infer(new InferContext(op, operandTypes, new OpAttributes(op, spec), module.opsets().forOp(op.name())));
            } catch (RuntimeException e) {
                continue; // inference cannot tell (or the op is malformed: the verifier and interpreter report that)
            }
            if (inferred == null) {
                continue;
            }
            for (int i = 0; i < op.numResults() && i < inferred.size(); i++) {
                Value r = op.result(i);
                Type merged = merge(r.type(), inferred.get(i), op, i, context);
                if (!merged.equals(r.type())) {
                    r.setType(merged);
                    refined++;
                }
            }
        }
        context.count("refined", refined);
        return refined > 0;
    }

    /** The more precise of the declared and inferred types; a contradiction is an error. */
    static Type merge(Type declared, Type inferred, Operation op, int result, PassContext context) {
        if (inferred == null) {
            return declared;
        }
        if (declared == null) {
            return inferred;
        }
        if (!(declared instanceof TensorType d) || !(inferred instanceof TensorType t)) {
            return declared;
        }
        if (d.elementType() != null && t.elementType() != null && !d.elementType().equals(t.elementType())) {
            // an element type disagreement comes from a wrongly typed operand upstream (e.g. a
            // model's value_info); the declared type stays, the interpreter decides at run time
            context.warning(op, op.name() + " result " + result + ": inferred element type " + t.elementType()
                    + " differs from declared " + d.elementType() + "; kept the declared type");
            return declared;
        }
        var elem = d.elementType() != null ? d.elementType() : t.elementType();
        if (!t.hasRank()) {
            return new TensorType(elem, d.dims());
        }
        if (!d.hasRank()) {
            return new TensorType(elem, t.dims());
        }
        if (d.rank() != t.rank()) {
            throw conflict(declared, inferred, op, result, context);
        }
        List<Dim> dims = new ArrayList<>();
        for (int k = 0; k < d.rank(); k++) {
            Dim a = d.dims().get(k);
            Dim b = t.dims().get(k);
            if (a instanceof Dim.Known ka && b instanceof Dim.Known kb && ka.size() != kb.size()) {
                throw conflict(declared, inferred, op, result, context);
            }
            dims.add(a instanceof Dim.Known ? a : b instanceof Dim.Known ? b : a);
        }
        return new TensorType(elem, dims);
    }

    private static RuntimeException conflict(Type declared, Type inferred, Operation op, int result, PassContext context) {
        return context.error(op, op.name() + " result " + result + ": inferred type " + inferred
                + " conflicts with declared type " + declared);
    }
}
