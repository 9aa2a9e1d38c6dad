package dev.nnc.cpu.gen;

import java.util.List;
import java.util.Map;

/**
 * The output model of one generated class: everything the templates print, already decided by
 * {@link ModelBuilder} (names, sizes, loop bounds, index expressions). Each record is laid out by
 * the template of the same name in {@code JavaModel.stg}; the templates do no arithmetic.
 */
public record JavaModel(String packageName, String className, String modelName, List<String> imports, List<WeightField> weights,
                        List<Object> statics, List<BufferField> buffers, List<Binding> inputs,
                        List<Binding> outputs, List<Object> steps, List<ValueField> values, List<NodeField> nodes) {

    /** A model that runs natively throughout (no value carried as a RuntimeValue, no interpreted node). */
    public JavaModel(String packageName, String className, String modelName, List<String> imports, List<WeightField> weights,
                     List<Object> statics, List<BufferField> buffers, List<Binding> inputs,
                     List<Binding> outputs, List<Object> steps) {
        this(packageName, className, modelName, imports, weights, statics, buffers, inputs, outputs, steps, List.of(), List.of());
    }

    /** A weight array: {@code weights[index]} as given, or pre-packed by {@code pack}. */
    public record WeightField(String name, int index, String type, String javaType, Call pack) {
    }

    /** An intermediate (or scratch) array allocated once per instance. */
    public record BufferField(String name, int size, String type, String javaType) {
    }

    /** A model input or output bound to the field holding it: a typed array, or a RuntimeValue when {@code boxed}. */
    public record Binding(String field, int index, String name, String type, String javaType, boolean boxed) {
        public Binding(String field, int index, String name, String type, String javaType) {
            this(field, index, name, type, javaType, false);
        }
    }

    /** A call of a runtime method; arguments are identifiers (strings) or numbers (rendered as Java literals). */
    public record Call(String target, List<Object> args) {
    }

    /** A window geometry, 3-D (leading unit dims for 1-D and 2-D windows). */
    public record Window(List<Integer> in, List<Integer> kernel, List<Integer> strides, List<Integer> dilations,
                         List<Integer> padBegin, List<Integer> padEnd, List<Integer> out) {
    }

    /** A static {@code Conv.Geometry} constant. */
    public record ConvField(String name, int batch, int inChannels, int outChannels, int group, Window window) {
    }

    /** A static {@code DenseConv} layer (a dense convolution's plan). */
    public record DenseConvField(String name, int batch, int inChannels, int outChannels, int group, Window window) {
    }

    /** A static {@code Window3} constant (pooling). */
    public record WindowField(String name, Window window) {
    }

    /** A static {@code float[]} constant. */
    public record FloatsField(String name, List<Float> values) {
    }

    /** A static constant {@code private static final javaType name = init;} (fixed-point types, requantizers, tables). */
    public record StaticConstant(String javaType, String name, String init) {
    }

    /** A static {@code int[]} constant. */
    public record IntsField(String name, List<Integer> values) {
    }

    /** One op laid out as calls of the runtime library. */
    public record KernelStep(String method, String comment, List<Call> calls) {
    }

    /** A counted loop {@code for (int var = 0; var < bound; var++)}. */
    public record Loop(String var, int bound) {
    }

    /**
     * One or more fused element-wise ops as a loop nest: the locals of earlier ops of the chain,
     * then {@code out[outIndex] = expr}; expressions are trees of {@link Apply} (the scalar template
     * named {@code fn}) over {@link Leaf}s and {@link LocalRef}s.
     */
    public record ElementwiseStep(String method, String comment, List<Local> locals, Object expr, String out,
                                  String outIndex, List<Loop> loops) {
    }

    /** {@code float name = expr;} in a loop body. */
    public record Local(String name, Object expr) {
    }

    /** A local variable read. */
    public record LocalRef(String name) {
    }

    /** An array read at an index expression over the loop variables. */
    public record Leaf(String array, String index) {
    }

    /** The scalar template {@code fn} applied to one or two operand expressions, with float parameters. */
    public record Apply(String fn, Object a, Object b, Map<String, Float> params) {
    }

    /** {@code (a op b)} with a Java infix operator. */
    public record Infix(String op, Object a, Object b) {
    }

    /** {@code (op a)} with a Java prefix operator. */
    public record Prefix(String op, Object a) {
    }

    /** A static method call {@code name(args)}. */
    public record Fn(String name, List<Object> args) {
    }

    /** {@code (cond ? a : b)}. */
    public record Select(Object cond, Object a, Object b) {
    }

    /** A primitive conversion {@code ((javaType) a)}. */
    public record Convert(String javaType, Object a) {
    }

    /** A literal. */
    public record Lit(String text) {
    }

    /**
     * Gather over an [outer, n, inner] view of {@code data}: for each outer block and each of the
     * {@code count} indices, one row of {@code inner} elements copied.
     */
    public record GatherStep(String method, String comment, String out, String data, String indices, int outer,
                             int n, int count, int inner) {
    }

    /** A value the generated code does not keep in an array (an element type without arrays, a sequence, ...): a RuntimeValue. */
    public record ValueField(String name, String type) {
    }

    /** An {@code InterpretedNode} given at construction as {@code weights[index]}. */
    public record NodeField(String name, int index, String op) {
    }

    /**
     * A node run on the interpreter ({@code dev.nnc.cpu.runtime.InterpretedNode}): its run-time
     * operands in, its results stored into arrays ({@link StoreResult}) or kept as values
     * ({@link KeepResult}); {@code reason} says why it has no Java lowering.
     */
    public record InterpretedStep(String method, String comment, String reason, String node, String results,
                                  List<String> args, List<Object> outs) {
    }

    /** Result {@code index} copied into the typed array {@code array}. */
    public record StoreResult(int index, String array) {
    }

    /** Result {@code index} kept as the RuntimeValue field {@code field}. */
    public record KeepResult(int index, String field) {
    }

    /** A static final object of a runtime class: {@code private static final type name = new type(args);}. */
    public record StaticObject(String type, String name, List<Object> args) {
    }
}
