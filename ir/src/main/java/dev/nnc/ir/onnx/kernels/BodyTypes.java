package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Type inference of {@code If}, {@code Loop} and {@code Scan} from their body's return: each result
 * has the element type of the body value it collects (shapes stay unknown, since iteration counts
 * and branches are only known at run time). Without it a result would fall back to a guessed
 * element type, e.g. an f32 scan output where the body casts to f16.
 */
final class BodyTypes {
    private BodyTypes() {
    }

    /** Result i takes the element type of the first region's returned value {@code first + i}. */
    static List<Type> fromBody(InferContext ctx, int first) {
        Operation op = ctx.op();
        List<Type> out = new ArrayList<>();
        Operation ret = op.regions().isEmpty() ? null : terminator(op.region(0));
        for (int i = 0; i < op.numResults(); i++) {
            int k = first + i;
            Type t = ret == null || k >= ret.numOperands() ? null : ret.operand(k).type();
            out.add(t instanceof TensorType tt && tt.elementType() != null ? TensorType.unranked(tt.elementType()) : null);
        }
        return out;
    }

    /** {@code inferred} with each unknown (null) result taken from {@link #fromBody}. */
    static List<Type> fillUnknown(List<Type> inferred, InferContext ctx, int first) {
        List<Type> body = fromBody(ctx, first);
        List<Type> out = new ArrayList<>(inferred);
        for (int i = 0; i < out.size() && i < body.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, body.get(i));
            }
        }
        return out;
    }

    private static Operation terminator(Region r) {
        if (r.blocks().isEmpty()) {
            return null;
        }
        Block b = r.entry();
        Operation t = b.terminator();
        return t != null && t.name().equals(BuiltinDialect.RETURN) ? t : null;
    }
}
