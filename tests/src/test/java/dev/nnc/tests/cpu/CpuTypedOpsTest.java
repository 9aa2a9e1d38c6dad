package dev.nnc.tests.cpu;

import static dev.nnc.tests.OnnxBuilder.FLOAT;
import static dev.nnc.tests.OnnxBuilder.intAttr;
import static dev.nnc.tests.OnnxBuilder.intsAttr;
import static dev.nnc.tests.OnnxBuilder.stringAttr;
import static dev.nnc.tests.OnnxBuilder.tensor;

import dev.nnc.cpu.CpuOptions;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.tests.OnnxBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops added with typed arrays to the CPU backend against the reference interpreter on random inputs
 * (fixed seeds): comparisons, logic and Where; Cast between f32/i64/i32/bool and integer
 * arithmetic; Gather and GatherElements with negative indices; ArgMax/ArgMin with ties; Trilu; reductions over scattered
 * axes and over axes given at run time; Resize (linear, nearest, cubic).
 */
class CpuTypedOpsTest {
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int INT32 = TensorProto.DataType.INT32_VALUE;
    private static final int BOOL = TensorProto.DataType.BOOL_VALUE;

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    @Test
    void comparisonsLogicAndWhere() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("cmp")
                .addInput(tensor("a", FLOAT, 3, 4)).addInput(tensor("b", FLOAT, 4))
                .addNode(node("Less", List.of("a", "b"), "lt")).addNode(node("Greater", List.of("a", "b"), "gt"))
                .addNode(node("Equal", List.of("a", "b"), "eq")).addNode(node("LessOrEqual", List.of("a", "b"), "le"))
                .addNode(node("GreaterOrEqual", List.of("a", "b"), "ge")).addNode(node("Not", List.of("lt"), "nlt"))
                .addNode(node("Or", List.of("eq", "gt"), "or")).addNode(node("And", List.of("le", "ge"), "and"))
                .addNode(node("Xor", List.of("lt", "ge"), "xor")).addNode(node("Where", List.of("lt", "a", "b"), "y"))
                .addOutput(tensor("nlt", BOOL, 3, 4)).addOutput(tensor("or", BOOL, 3, 4))
                .addOutput(tensor("and", BOOL, 3, 4)).addOutput(tensor("xor", BOOL, 3, 4))
                .addOutput(tensor("y", FLOAT, 3, 4)).build();
        check(g, Map.of("a", smallInts(new int[] {3, 4}), "b", smallInts(new int[] {4})));
    }

    @Test
    void castsAndIntegerArithmetic() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("casts")
                .addInput(tensor("x", FLOAT, 2, 5))
                .addNode(cast("x", "i", INT64)).addNode(cast("i", "j", INT32)).addNode(cast("x", "flag", BOOL))
                .addNode(cast("flag", "f", FLOAT)).addNode(cast("j", "back", FLOAT))
                .addNode(node("Add", List.of("i", "i"), "sum")).addNode(node("Mul", List.of("j", "j"), "sq"))
                .addNode(node("Max", List.of("i", "sum"), "hi")).addNode(node("Neg", List.of("j"), "neg"))
                .addNode(node("Abs", List.of("neg"), "abs")).addNode(node("Div", List.of("hi", "i"), "quot"))
                .addNode(node("Relu", List.of("j"), "relu"))
                .addOutput(tensor("f", FLOAT, 2, 5)).addOutput(tensor("back", FLOAT, 2, 5))
                .addOutput(tensor("hi", INT64, 2, 5)).addOutput(tensor("sq", INT32, 2, 5))
                .addOutput(tensor("abs", INT32, 2, 5)).addOutput(tensor("quot", INT64, 2, 5))
                .addOutput(tensor("relu", INT32, 2, 5)).build();
        double[] v = new double[10];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() - 0.5) * 20);
        }
        v[3] = 0;
        check(g, Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {2, 5}, v)));
    }

    @Test
    void gatherWithNegativeIndices() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("gather")
                .addInput(tensor("data", FLOAT, 4, 5, 3)).addInput(tensor("idx", INT64, 2, 3))
                .addNode(node("Gather", List.of("data", "idx"), "y").toBuilder().addAttribute(intAttr("axis", 1)))
                .addNode(node("Gather", List.of("idx", "idx"), "z").toBuilder().addAttribute(intAttr("axis", 1)))
                .addOutput(tensor("y", FLOAT, 4, 2, 3, 3)).addOutput(tensor("z", INT64, 2, 2, 3)).build();
        long[] idx = new long[6];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = random.nextInt(6) - 3; // within both axes used (5 and 3)
        }
        check(g, Map.of("data", smallInts(new int[] {4, 5, 3}), "idx", Tensor.ofLongs(IntegerType.I64, new int[] {2, 3}, idx)));
    }

    @Test
    void gatherElementsOnFloatsAndInts() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("gather_elements")
                .addInput(tensor("data", FLOAT, 3, 4)).addInput(tensor("idx", INT64, 2, 4))
                .addNode(node("GatherElements", List.of("data", "idx"), "y"))
                .addNode(node("GatherElements", List.of("idx", "idx"), "z").toBuilder().addAttribute(intAttr("axis", 1)))
                .addOutput(tensor("y", FLOAT, 2, 4)).addOutput(tensor("z", INT64, 2, 4)).build();
        long[] idx = new long[8];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = random.nextInt(6) - 3; // within [-3, 3): valid for both axes (3 and 4)
        }
        check(g, Map.of("data", smallInts(new int[] {3, 4}), "idx", Tensor.ofLongs(IntegerType.I64, new int[] {2, 4}, idx)));
    }

    @Test
    void triluWithARunTimeDiagonal() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("trilu")
                .addInput(tensor("x", FLOAT, 2, 3, 5)).addInput(tensor("k", INT64))
                .addNode(node("Trilu", List.of("x", "k"), "up"))
                .addNode(node("Trilu", List.of("x"), "low").toBuilder().addAttribute(intAttr("upper", 0)))
                .addOutput(tensor("up", FLOAT, 2, 3, 5)).addOutput(tensor("low", FLOAT, 2, 3, 5)).build();
        for (long k : new long[] {-1, 0, 2}) {
            check(g, Map.of("x", smallInts(new int[] {2, 3, 5}), "k", Tensor.ofLongs(IntegerType.I64, new int[0], new long[] {k})));
        }
    }

    @Test
    void argMaxAndArgMinWithTies() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("arg")
                .addInput(tensor("x", FLOAT, 3, 6, 2))
                .addNode(node("ArgMax", List.of("x"), "amax").toBuilder().addAttribute(intAttr("axis", 1)))
                .addNode(node("ArgMin", List.of("x"), "amin").toBuilder().addAttribute(intAttr("axis", -1))
                        .addAttribute(intAttr("keepdims", 0)).addAttribute(intAttr("select_last_index", 1)))
                .addNode(node("ArgMax", List.of("x"), "alast").toBuilder().addAttribute(intAttr("axis", 1))
                        .addAttribute(intAttr("select_last_index", 1)))
                .addOutput(tensor("amax", INT64, 3, 1, 2)).addOutput(tensor("amin", INT64, 3, 6))
                .addOutput(tensor("alast", INT64, 3, 1, 2)).build();
        check(g, Map.of("x", smallInts(new int[] {3, 6, 2})));
    }

    @Test
    void reductionsOverAxesWithKeptAxesBetween() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("reduce")
                .addInput(tensor("x", FLOAT, 3, 4, 5, 2))
                .addNode(node("ReduceMean", List.of("x"), "mean").toBuilder().addAttribute(intsAttr("axes", 0, 2)))
                .addNode(node("ReduceMax", List.of("x"), "max").toBuilder().addAttribute(intsAttr("axes", 1, -1))
                        .addAttribute(intAttr("keepdims", 0)))
                .addOutput(tensor("mean", FLOAT, 1, 4, 1, 2)).addOutput(tensor("max", FLOAT, 3, 5)).build();
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        check(g, Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {3, 4, 5, 2}, v)));
    }

    @Test
    void resizeLinearByScalesAndNearestBySizes() throws Exception {
        TensorProto scales = TensorProto.newBuilder().setName("scales").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addFloatData(1).addFloatData(1).addFloatData(2).addFloatData(1.5f).build();
        TensorProto sizes = TensorProto.newBuilder().setName("sizes").setDataType(INT64)
                .addDims(4).addInt64Data(1).addInt64Data(2).addInt64Data(3).addInt64Data(7).build();
        GraphProto g = GraphProto.newBuilder().setName("resize")
                .addInput(tensor("x", FLOAT, 1, 2, 4, 5)).addInitializer(scales).addInitializer(sizes)
                .addNode(OnnxBuilder.node("Resize", "up", List.of("x", "", "scales"), List.of("up")).toBuilder()
                        .addAttribute(stringAttr("mode", "linear")))
                .addNode(OnnxBuilder.node("Resize", "near", List.of("x", "", "", "sizes"), List.of("near")).toBuilder()
                        .addAttribute(stringAttr("mode", "nearest"))
                        .addAttribute(stringAttr("coordinate_transformation_mode", "asymmetric"))
                        .addAttribute(stringAttr("nearest_mode", "floor")))
                .addNode(OnnxBuilder.node("Resize", "cubic", List.of("x", "", "", "sizes"), List.of("cubic")).toBuilder()
                        .addAttribute(stringAttr("mode", "cubic")))
                .addOutput(tensor("up", FLOAT, 1, 2, 8, 7)).addOutput(tensor("near", FLOAT, 1, 2, 3, 7))
                .addOutput(tensor("cubic", FLOAT, 1, 2, 3, 7)).build();
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        check(g, Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, 4, 5}, v)));
    }

    @Test
    void integerSlicePadConcatTransposeAndExpand() throws Exception {
        TensorProto starts = ints("starts", 1, 0);
        TensorProto ends = ints("ends", 3, 5);
        TensorProto axes = ints("axes", 0, 1);
        TensorProto steps = ints("steps", 1, 2);
        TensorProto pads = ints("pads", 1, 0, 0, 2);
        TensorProto value = TensorProto.newBuilder().setName("value").setDataType(INT64).addInt64Data(-7).build();
        TensorProto shape = ints("shape", 2, 3, 5);
        GraphProto g = GraphProto.newBuilder().setName("moves")
                .addInput(tensor("x", INT64, 3, 5)).addInitializer(starts).addInitializer(ends).addInitializer(axes)
                .addInitializer(steps).addInitializer(pads).addInitializer(value).addInitializer(shape)
                .addNode(node("Slice", List.of("x", "starts", "ends", "axes", "steps"), "sl"))
                .addNode(node("Pad", List.of("x", "pads", "value"), "pad"))
                .addNode(node("Transpose", List.of("x"), "tr"))
                .addNode(node("Concat", List.of("x", "x"), "cat").toBuilder().addAttribute(intAttr("axis", 1)))
                .addNode(node("Expand", List.of("x", "shape"), "ex"))
                .addOutput(tensor("sl", INT64, 2, 3)).addOutput(tensor("pad", INT64, 4, 7))
                .addOutput(tensor("tr", INT64, 5, 3)).addOutput(tensor("cat", INT64, 3, 10))
                .addOutput(tensor("ex", INT64, 2, 3, 5)).build();
        long[] v = new long[15];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextLong();
        }
        check(g, Map.of("x", Tensor.ofLongs(IntegerType.I64, new int[] {3, 5}, v)));
    }

    private static TensorProto ints(String name, long... values) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(INT64).addDims(values.length);
        for (long v : values) {
            b.addInt64Data(v);
        }
        return b.build();
    }

    @Test
    void reductionOverAxesGivenAtRunTime() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("reduce_input_axes")
                .addInput(tensor("x", FLOAT, 3, 4, 5)).addInput(tensor("axes", INT64, 2))
                .addNode(node("ReduceSum", List.of("x", "axes"), "sum").toBuilder().addAttribute(intAttr("keepdims", 0)))
                .addOutput(tensor("sum", FLOAT, 4)).build();
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        for (long[] axes : new long[][] {{2, 0}, {-1, -3}}) {
            check(g, Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {3, 4, 5}, v),
                    "axes", Tensor.ofLongs(IntegerType.I64, new int[] {2}, axes)));
        }
    }

    private void check(GraphProto g, Map<String, Tensor> inputs) throws Exception {
        CpuAgainstInterpreter.check(dir, g, 13, inputs, new CpuOptions(1));
    }

    /** Small integers as f32, so that comparisons and arg reductions meet ties. */
    private Tensor smallInts(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(5) - 2;
        }
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }

    private static NodeProto node(String op, List<String> inputs, String output) {
        return OnnxBuilder.node(op, output + "_node", inputs, List.of(output));
    }

    private static NodeProto cast(String in, String out, int to) {
        return node("Cast", List.of(in), out).toBuilder().addAttribute(intAttr("to", to)).build();
    }
}
