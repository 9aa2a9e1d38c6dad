package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/** What an {@link OpLowering} may ask of the model builder. */
interface LoweringContext {
    /** The array holding a data operand (an input, a weight or an earlier result); checks it is f32. */
    String read(Value v, Operation user);

    /** The array holding an operand of any {@link dev.nnc.cpu.Dtype} (the lowering handles its Java type). */
    String readTyped(Value v, Operation user);

    /** A weight operand transposed as a [rows, cols] matrix at construction (so a kernel reads it row-major). */
    String readTransposed(Value v, Operation user, int rows, int cols);

    /**
     * A constant operand re-laid-out once at construction by the runtime method {@code target},
     * called with the weight array then {@code args}.
     */
    String readPacked(Value v, Operation user, String target, List<Object> args);

    /** True when the model keeps its depthwise/pointwise convolution chains channels-last ({@link NhwcPlan}). */
    boolean channelsLastChains();

    /** The channels-last (NHWC) array of a 4-D value an NHWC convolution wrote, or null. */
    String channelsLast(Value v);

    /** The NHWC array of a 4-D f32 value: its own, or its NCHW array converted once (a step here). */
    String readChannelsLast(Value v, Operation user);

    /** A fresh array for a 4-D result of {@code op} held channels-last; NCHW readers get a converted copy. */
    String writeChannelsLast(Value v, Operation op);

    /** Makes {@code result} share the NHWC array of {@code source} (a Transpose to NHWC then moves no data). */
    void aliasChannelsLast(Value result, Value source, Operation op);

    /** A fresh array for a result of {@code op}. */
    String write(Value v, Operation op);

    /** A fresh array for a result of any {@link dev.nnc.cpu.Dtype}. */
    String writeTyped(Value v, Operation op);

    /** Makes {@code result} share the array of {@code source} (reshapes move no data). */
    void alias(Value result, Value source, Operation op);

    /** A scratch array of {@code size} floats for {@code op}. */
    String scratch(Operation op, int size);

    /** The static shape of a value. */
    int[] shape(Value v);

    /** The value of an operand defined by {@code onnx.Constant}, or null. */
    Tensor constant(Value v);

    /** The op's attributes with the spec's defaults. */
    OpAttributes attrs(Operation op);

    /** A unique method name for the op's step, from its location name. */
    String method(Operation op);

    /** A unique name for a second method of the op's lowering, e.g. its fused activation. */
    String method(Operation op, String suffix);

    /** A unique field name for a static constant of the op. */
    String staticName(Operation op, String suffix);

    /** A one-line description of the op for the step's Javadoc. */
    String describe(Operation op);

    void addStep(Object step);

    /** The fused element-wise chain that computes {@code v}, if it was deferred to its consumer; else null. */
    ScalarExpr.Pending pending(Value v);

    /** Defers {@code v}: its one consumer computes it inline (no array, no step). */
    void defer(Value v, ScalarExpr.Pending expr);

    /** A unique name for a local variable holding {@code v} inside a loop body. */
    String local(Value v);

    /** True when {@code v} is returned by the function. */
    boolean isOutput(Value v);

    void addStatic(Object field);

    /**
     * Marks a later op as computed by the current step (e.g. a Relu applied in a convolution's
     * store): when the builder reaches it, it generates nothing; its result's array was already
     * written by that step.
     */
    void absorb(Operation op);

    int opset();

    /** A weight field holding a tensor computed at build time (pre-packed or pre-aligned constants). */
    String weight(String nameHint, Tensor value);

    /** A scratch array of {@code size} elements of {@code javaType} ({@code int}, {@code long}, ...) for {@code op}. */
    String scratch(Operation op, int size, String javaType);

    /** A unique field name from {@code hint} (for constants shared by several steps). */
    String field(String hint);

    /** An import the generated class needs beyond the runtime package. */
    void addImport(String qualifiedName);

    /** The {@link dev.nnc.cpu.Dtype} of a value {@code user} reads or writes, or the one-line refusal of any other type. */
    default dev.nnc.cpu.Dtype dtype(Value v, Operation user) {
        if (v.type() instanceof dev.nnc.ir.type.TensorType t && dev.nnc.cpu.Dtype.of(t.elementType()) != null) {
            return dev.nnc.cpu.Dtype.of(t.elementType());
        }
        throw unsupported(user, "value '" + v.nameHint() + "' has type " + v.type()
                + ": the CPU backend runs f32, f64, i64, i32 and bool tensors only");
    }

    /** The array of optional operand {@code i} of {@code op} (any dtype), or "null" when it is absent or an empty 1-D tensor. */
    default String readOptional(Operation op, int i) {
        if (i >= op.numOperands() || op.operand(i).type() == dev.nnc.ir.type.NoneType.NONE) {
            return "null";
        }
        Value v = op.operand(i);
        dtype(v, op);
        int[] s = shape(v);
        return s.length == 1 && s[0] == 0 ? "null" : readTyped(v, op);
    }

    /** True when an operand of {@code op} from index {@code from} on is present and not a constant. */
    default boolean hasRunTimeOperand(Operation op, int from) {
        for (int i = from; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            if (v.type() != dev.nnc.ir.type.NoneType.NONE && constant(v) == null) {
                return true;
            }
        }
        return false;
    }

    /** The error for an op (or attribute value) the CPU backend does not run. */
    NncException unsupported(Operation op, String why);
}
