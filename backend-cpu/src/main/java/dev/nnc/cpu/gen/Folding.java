package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build-time evaluation of ops whose result is known before the model runs: ops whose operands
 * are all constants, and Shape/Size of a static-shape value. They run through the reference
 * semantics, so the generated class only ever sees their results as weights.
 */
final class Folding {
    /** Ops that must run every time (their result is not a function of their operands). */
    private static final Set<String> NONDETERMINISTIC = Set.of("onnx.RandomNormal", "onnx.RandomUniform",
            "onnx.RandomNormalLike", "onnx.RandomUniformLike", "onnx.Multinomial", "onnx.Bernoulli");
    private static final Set<String> SHAPE_ONLY = Set.of("onnx.Shape", "onnx.Size");

    private Folding() {
    }

    static boolean foldable(Operation op, Map<Value, Tensor> constants) {
        if (NONDETERMINISTIC.contains(op.name()) || !op.regions().isEmpty()) {
            return false;
        }
        if (SHAPE_ONLY.contains(op.name())) {
            return op.operand(0).type() instanceof TensorType t && t.isStatic();
        }
        for (Value v : op.operands()) {
            if (!constants.containsKey(v) && !(v.type() instanceof dev.nnc.ir.type.NoneType)) {
                return false;
            }
        }
        return true;
    }

    static List<Tensor> evaluate(Operation op, Map<Value, Tensor> constants, OpSpec spec, int opset) {
        List<Tensor> ins = new ArrayList<>();
        for (Value v : op.operands()) {
            if (SHAPE_ONLY.contains(op.name()) && !constants.containsKey(v)) {
                TensorType t = (TensorType) v.type();
                ins.add(Tensor.zeros(t.elementType(), t.shape()));
            } else {
                ins.add(constants.get(v));
            }
        }
        try {
            List<Tensor> outs = dev.nnc.ir.spec.Semantics.tensorsOrNull(
                    spec.semantics().evaluate(new EvalContext(op, spec, ins, opset)));
            if (outs == null) {
                throw new NncException(op.location(), op.name() + ": the CPU backend takes tensors only, not sequences or optionals");
            }
            return outs;
        } catch (NncException e) {
            throw e.location() == null ? new NncException(op.location(), e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new NncException(op.location(), op.name() + " failed at build time: " + e, e);
        }
    }
}
