package dev.nnc.frontend;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.verify.ResultTypeCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the type of each result of an imported op: the type the file declares, sharpened by
 * what the spec's type inference computes from the operand types; failing both, an unranked
 * tensor of the first operand's element type (f32 when there is none).
 */
final class ResultTypes {
    private ResultTypes() {
    }

    static void assign(Operation op, OpSpec spec, List<Type> declared, int opset, String file) {
        List<Type> inferred = infer(op, spec, opset, file);
        for (int i = 0; i < op.numResults(); i++) {
            Type d = declared.get(i);
            Type inf = inferred != null && i < inferred.size() ? inferred.get(i) : null;
            Value r = op.result(i);
            if (d != null && inf != null && !ResultTypeCheck.compatible(d, inf)) {
                throw new NncException(null, file + ": " + op.location() + ": " + op.name() + " result " + i + " '" + r.nameHint()
                        + "' is declared " + d + " in the model but the op produces " + inf);
            }
            r.setType(merge(d, inf, op));
        }
    }

    private static List<Type> infer(Operation op, OpSpec spec, int opset, String file) {
        if (spec.inference() == null) {
            return null;
        }
        List<Type> operandTypes = new ArrayList<>();
        for (Value v : op.operands()) {
            operandTypes.add(v.type());
        }
        try {
            return spec.inference().infer(new InferContext(op, operandTypes, new OpAttributes(op, spec), opset));
        } catch (NncException e) {
            throw new NncException(null, file + ": " + e.oneLine(), e);
        } catch (RuntimeException e) {
            // a defect in the op's inference, but the user still gets one line naming the node
            throw new NncException(null, file + ": " + op.location() + ": type inference of " + op.name() + " failed: " + e, e);
        }
    }

    /** The more specific of the declared and inferred types; the declared element type wins. */
    static Type merge(Type declared, Type inferred, Operation op) {
        if (declared == null && inferred == null) {
            return TensorType.unranked(fallbackElement(op));
        }
        if (declared == null) {
            return inferred;
        }
        if (!(declared instanceof TensorType d) || !(inferred instanceof TensorType inf) || !inf.hasRank()) {
            return declared;
        }
        if (!d.hasRank()) {
            return inf.withElementType(d.elementType());
        }
        if (d.rank() != inf.rank()) {
            return declared;
        }
        List<Dim> dims = new ArrayList<>();
        for (int i = 0; i < d.rank(); i++) {
            Dim dd = d.dims().get(i);
            Dim id = inf.dims().get(i);
            boolean keepDeclared = dd instanceof Dim.Known
                    || !(id instanceof Dim.Known) && !((Dim.Symbolic) dd).name().isEmpty();
            dims.add(keepDeclared ? dd : id);
        }
        return new TensorType(d.elementType(), dims);
    }

    private static ElementType fallbackElement(Operation op) {
        for (Value v : op.operands()) {
            if (v.type() instanceof TensorType t) {
                return t.elementType();
            }
        }
        return FloatType.F32;
    }
}
