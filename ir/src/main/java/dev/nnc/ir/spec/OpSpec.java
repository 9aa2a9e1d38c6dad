package dev.nnc.ir.spec;

import java.util.List;
import java.util.Optional;

/**
 * Everything the IR knows about one op, registered per dialect as data: operand and result arity,
 * attributes with defaults, the versions (ONNX opsets) at which its definition changed, a
 * verifier, type inference and reference semantics (either of the last two may be null).
 */
public record OpSpec(String name, List<Integer> versions, Arity operands, Arity results,
                     List<AttrSpec> attributes, OpVerifier verifier, TypeInference inference,
                     Semantics semantics) {
    public OpSpec {
        versions = List.copyOf(versions);
        attributes = List.copyOf(attributes);
    }

    public Optional<AttrSpec> attribute(String attrName) {
        return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
    }

    /** The definition in force at an opset: the largest listed version ≤ opset, or -1. */
    public int versionAt(int opset) {
        int best = -1;
        for (int v : versions) {
            if (v <= opset) {
                best = Math.max(best, v);
            }
        }
        return best;
    }

    public OpSpec withBehaviour(OpVerifier v, TypeInference t, Semantics s) {
        return new OpSpec(name, versions, operands, results, attributes, v, t, s);
    }
}
