package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static result shapes the imported types left open, found while building: once the builder has
 * folded an op's shape-like operands (a Reshape's target computed by Shape/Gather/Concat), the op's
 * own type inference, or for ops whose result shape depends only on operand shapes and constant
 * operands an evaluation on zeros, gives the static shape the lowerings need. Result types are
 * refined in place for the build and put back by {@link #restore}, so the module is unchanged.
 */
final class StaticShapes {
    /** Ops whose result shape is a function of operand 0's shape and the values of the other (constant) operands. */
    private static final Set<String> SHAPE_FROM_CONSTANTS = Set.of("onnx.Reshape", "onnx.Expand", "onnx.Tile",
            "onnx.Slice", "onnx.Pad", "onnx.Resize", "onnx.Upsample", "onnx.Squeeze", "onnx.Unsqueeze", "onnx.Flatten",
            "onnx.ConstantOfShape", "onnx.CenterCropPad");
    private final Map<Value, Type> original = new IdentityHashMap<>();

    /**
     * Refines the result types of {@code op} that are not static, when its operands' are; never
     * those of the model's outputs (their types are the model's interface).
     */
    void refine(Operation op, Map<Value, Tensor> constants, OpSpec spec, int opset, Set<Value> outputs) {
        if (!op.regions().isEmpty() || op.results().stream().allMatch(StaticShapes::staticOrNotTensor)
                || op.results().stream().anyMatch(outputs::contains)) {
            return;
        }
        List<Type> operandTypes = new ArrayList<>();
        for (Value v : op.operands()) {
            if (!staticOrNotTensor(v) || !(v.type() instanceof TensorType) && v.type() != NoneType.NONE) {
                return;
            }
            operandTypes.add(v.type());
        }
        if (spec.inference() != null) {
            try {
                List<Type> inferred = spec.inference().infer(new InferContext(op, operandTypes, new OpAttributes(op, spec), opset));
                for (int i = 0; inferred != null && i < op.numResults() && i < inferred.size(); i++) {
                    adopt(op.result(i), inferred.get(i));
                }
            } catch (RuntimeException e) {
                // inference cannot tell: the evaluation below, or the value stays dynamic
            }
        }
        if (SHAPE_FROM_CONSTANTS.contains(op.name()) && !op.results().stream().allMatch(StaticShapes::staticOrNotTensor)) {
            byEvaluation(op, constants, spec, opset);
        }
    }

    /** Evaluates the op with zeros for operand 0 (only its shape matters) and the constants for the rest. */
    private void byEvaluation(Operation op, Map<Value, Tensor> constants, OpSpec spec, int opset) {
        Map<Value, Tensor> known = new IdentityHashMap<>(constants);
        for (int i = 0; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            if (known.containsKey(v) || v.type() == NoneType.NONE) {
                continue;
            }
            if (i != 0) {
                return; // a shape-like operand computed at run time
            }
            TensorType t = (TensorType) v.type();
            known.put(v, Tensor.zeros(t.elementType(), t.shape()));
        }
        try {
            List<Tensor> outs = Folding.evaluate(op, known, spec, opset);
            for (int i = 0; i < op.numResults() && i < outs.size(); i++) {
                if (outs.get(i) != null) {
                    adopt(op.result(i), outs.get(i).tensorType());
                }
            }
        } catch (RuntimeException e) {
            // the op fails on these operands: the interpreter reports it at run time
        }
    }

    /** Takes {@code found} as the type of {@code r} when it is static and agrees with the declared type. */
    private void adopt(Value r, Type found) {
        if (!(r.type() instanceof TensorType declared) || declared.isStatic() || !(found instanceof TensorType t)
                || !t.isStatic() || declared.elementType() != null && !declared.elementType().equals(t.elementType())) {
            return;
        }
        if (declared.hasRank()) {
            if (declared.rank() != t.rank()) {
                return;
            }
            for (int k = 0; k < t.rank(); k++) {
                if (declared.dims().get(k) instanceof dev.nnc.ir.type.Dim.Known d && d.size() != t.shape()[k]) {
                    return;
                }
            }
        }
        original.putIfAbsent(r, r.type());
        r.setType(new TensorType(declared.elementType() != null ? declared.elementType() : t.elementType(), t.dims()));
    }

    /** Puts back every type this instance refined. */
    void restore() {
        original.forEach(Value::setType);
        original.clear();
    }

    private static boolean staticOrNotTensor(Value v) {
        return !(v.type() instanceof TensorType t) || t.isStatic();
    }
}
