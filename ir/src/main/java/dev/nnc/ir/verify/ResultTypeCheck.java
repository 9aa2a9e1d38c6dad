package dev.nnc.ir.verify;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks each declared result type against what the op's type inference computes from the operand
 * types, so a pass or a hand-written module cannot claim a type the op does not produce. Only
 * contradictions count: a symbolic or unknown dim, an unranked type or a result inference cannot
 * tell is compatible with anything.
 */
public final class ResultTypeCheck {
    private ResultTypeCheck() {
    }

    static void check(Operation op, OpSpec spec, Consumer<String> error) {
        if (spec.inference() == null || op.numResults() == 0) {
            return;
        }
        ModuleOp module = enclosingModule(op);
        if (module == null) {
            return; // no opset to infer at
        }
        List<Type> operandTypes = new ArrayList<>();
        for (Value v : op.operands()) {
            operandTypes.add(v.type());
        }
        List<Type> inferred;
        try {
            inferred = spec.inference().infer(new InferContext(op, operandTypes, new OpAttributes(op, spec),
                    module.opsets().forOp(op.name())));
        } catch (NncException e) {
            error.accept("type inference: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            return; // a malformed op the interpreter reports when it runs
        }
        if (inferred == null) {
            return;
        }
        for (int i = 0; i < op.numResults() && i < inferred.size(); i++) {
            Type declared = op.result(i).type();
            Type inf = inferred.get(i);
            if (!compatible(declared, inf)) {
                error.accept("result " + i + " is declared " + declared + " but the op produces " + inf);
            }
        }
    }

    /** False only when both types are known and contradict each other. */
    public static boolean compatible(Type declared, Type inferred) {
        if (!(declared instanceof TensorType d) || !(inferred instanceof TensorType t)) {
            return true;
        }
        // a fixed-point result's format is the module's choice (e.g. a wider accumulator), which the
        // semantics read from the declared type; inference can only echo the operands' format
        boolean bothFixed = d.elementType() instanceof FixedType && t.elementType() instanceof FixedType;
        if (d.elementType() != null && t.elementType() != null && !d.elementType().equals(t.elementType()) && !bothFixed) {
            return false;
        }
        if (!d.hasRank() || !t.hasRank()) {
            return true;
        }
        if (d.rank() != t.rank()) {
            return false;
        }
        for (int k = 0; k < d.rank(); k++) {
            if (d.dims().get(k) instanceof Dim.Known a && t.dims().get(k) instanceof Dim.Known b && a.size() != b.size()) {
                return false;
            }
        }
        return true;
    }

    private static ModuleOp enclosingModule(Operation op) {
        for (Operation p = op.parentOp(); p != null; p = p.parentOp()) {
            if (p.name().equals(BuiltinDialect.MODULE)) {
                return p.property("opset") == null ? null : new ModuleOp(p);
            }
        }
        return null;
    }
}
