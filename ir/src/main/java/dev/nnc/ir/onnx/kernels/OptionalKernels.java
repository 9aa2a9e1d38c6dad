package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.OptionalValue;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * ONNX optionals: {@code Optional} wraps its input (or, without one, makes an empty optional of
 * its {@code type} attribute), {@code OptionalHasElement} tests, {@code OptionalGetElement}
 * unwraps. The last two also accept a plain tensor or sequence (always present) and
 * {@code OptionalHasElement} an absent input (never present): opset 18 allows this, and the ONNX
 * reference accepts it at every opset, which models rely on (a Loop-carried optional whose body
 * yields a plain sequence, as in ONNX's test_loop16_seq_none).
 */
public final class OptionalKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/optional.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Optional", OptionalKernels::inferOptional, ctx -> List.of(optional(ctx)));
        t.op("OptionalHasElement", ctx -> List.of(TensorType.of(BoolType.I1)),
                ctx -> List.of(Tensor.ofLongs(BoolType.I1, new int[0], new long[] {hasElement(ctx) ? 1 : 0})));
        t.op("OptionalGetElement", OptionalKernels::inferGet, ctx -> List.of(getElement(ctx)));
    }

    private static OptionalValue optional(EvalContext ctx) {
        RuntimeValue v = ctx.value(0);
        if (v instanceof OptionalValue) {
            throw ctx.error("input is already an optional");
        }
        if (v != null) {
            return OptionalValue.of(v);
        }
        Type declared = typeAttr(ctx.attrs().get("type"));
        if (declared == null && ctx.outputType(0) instanceof OptionalType ot) {
            declared = ot.element();
        }
        if (declared == null) {
            throw ctx.error("an Optional without input needs the 'type' attribute");
        }
        return OptionalValue.empty(declared);
    }

    private static boolean hasElement(EvalContext ctx) {
        RuntimeValue v = ctx.value(0);
        if (v instanceof OptionalValue o) {
            return o.isPresent();
        }
        return v != null;
    }

    private static RuntimeValue getElement(EvalContext ctx) {
        RuntimeValue v = ctx.value(0);
        if (v == null) {
            throw ctx.error("input is absent");
        }
        if (!(v instanceof OptionalValue o)) {
            return v;
        }
        if (!o.isPresent()) {
            throw ctx.error("the optional is empty");
        }
        return o.value();
    }

    private static Type typeAttr(Attribute a) {
        return a instanceof Attribute.TypeAttr ta ? ta.type() : null;
    }

    private static List<Type> inferOptional(InferContext ctx) {
        Type in = ctx.operandType(0);
        if (in != null && in != NoneType.NONE) {
            return List.of(new OptionalType(in));
        }
        Type declared = typeAttr(ctx.attrs().get("type"));
        return Collections.singletonList(declared == null ? null : new OptionalType(declared));
    }

    private static List<Type> inferGet(InferContext ctx) {
        Type in = ctx.operandType(0);
        return Collections.singletonList(in instanceof OptionalType o ? o.element() : in == NoneType.NONE ? null : in);
    }
}
