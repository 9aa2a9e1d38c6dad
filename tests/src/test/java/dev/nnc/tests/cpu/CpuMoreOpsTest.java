package dev.nnc.tests.cpu;

import static dev.nnc.tests.OnnxBuilder.FLOAT;
import static dev.nnc.tests.OnnxBuilder.floatAttr;
import static dev.nnc.tests.OnnxBuilder.intAttr;
import static dev.nnc.tests.OnnxBuilder.intsAttr;
import static dev.nnc.tests.OnnxBuilder.stringAttr;
import static dev.nnc.tests.OnnxBuilder.tensor;

import dev.nnc.cpu.CpuOptions;
import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.tests.OnnxBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ops that only the interpreter used to run, now lowered by the CPU backend, against the reference
 * interpreter on random inputs (fixed seeds): losses, CumSum/CumProd, Mod, Clip with run-time
 * bounds, operands (Slice starts, Pad pads, Resize scales) given as model inputs, Pad modes,
 * CenterCropPad, the scatters with every reduction, TopK, OneHot, Compress, Dropout's mask and
 * reductions of f64 and i64 tensors, LpPool, Einsum, the recurrent ops, mixed-type Pow, IsInf,
 * ConstantOfShape, EyeLike, Range, the signal windows, Tile, DepthToSpace/SpaceToDepth, GatherND, ReverseSequence,
 * InstanceNormalization, GroupNormalization, LRN, Gelu on f64 and Col2Im.
 */
class CpuMoreOpsTest {
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int INT32 = TensorProto.DataType.INT32_VALUE;
    private static final int DOUBLE = TensorProto.DataType.DOUBLE_VALUE;

    @TempDir
    Path dir;

    private final Random random = new Random(7);

    @Test
    void lossesWithWeightsAndIgnoredClass() throws Exception {
        for (String reduction : List.of("none", "sum", "mean")) {
            long[] outDims = reduction.equals("none") ? new long[] {3, 2} : new long[0];
            GraphProto g = GraphProto.newBuilder().setName("loss_" + reduction)
                    .addInput(tensor("x", FLOAT, 3, 4, 2)).addInput(tensor("t", INT64, 3, 2)).addInput(tensor("w", FLOAT, 4))
                    .addNode(node("SoftmaxCrossEntropyLoss", List.of("x", "t", "w"), List.of("sce", "logp"),
                            stringAttr("reduction", reduction), intAttr("ignore_index", 1)))
                    .addNode(node("NegativeLogLikelihoodLoss", List.of("logp", "t"), List.of("nll"),
                            stringAttr("reduction", reduction)))
                    .addOutput(tensor("sce", FLOAT, outDims)).addOutput(tensor("logp", FLOAT, 3, 4, 2))
                    .addOutput(tensor("nll", FLOAT, outDims)).build();
            long[] t = new long[6];
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextInt(4);
            }
            check(g, 13, Map.of("x", floats(FloatType.F32, 3, 4, 2), "t", Tensor.ofLongs(IntegerType.I64, new int[] {3, 2}, t),
                    "w", floats(FloatType.F32, 4)));
        }
    }

    @Test
    void cumulativeFoldsWithARunTimeAxis() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("cumulative")
                .addInput(tensor("x", DOUBLE, 2, 3, 4)).addInput(tensor("axis", INT32))
                .addInput(tensor("n", INT64, 3, 4))
                .addNode(node("CumSum", List.of("x", "axis"), List.of("sum"), intAttr("exclusive", 1), intAttr("reverse", 1)))
                .addNode(node("CumSum", List.of("n", "axis"), List.of("nsum")))
                .addOutput(tensor("sum", DOUBLE, 2, 3, 4)).addOutput(tensor("nsum", INT64, 3, 4)).build();
        for (int axis : new int[] {1, -1}) {
            check(g, 14, Map.of("x", floats(FloatType.F64, 2, 3, 4), "axis", Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {axis}),
                    "n", ints(IntegerType.I64, 3, 4)));
        }
        GraphProto p = GraphProto.newBuilder().setName("cumprod")
                .addInput(tensor("x", FLOAT, 2, 5))
                .addInitializer(TensorProto.newBuilder().setName("axis").setDataType(INT64).addInt64Data(1))
                .addNode(node("CumProd", List.of("x", "axis"), List.of("y"), intAttr("exclusive", 1)))
                .addOutput(tensor("y", FLOAT, 2, 5)).build();
        check(p, 17, Map.of("x", floats(FloatType.F32, 2, 5)));
    }

    @Test
    void modFloorAndFmodWithBroadcasting() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("mod")
                .addInput(tensor("a", FLOAT, 3, 4)).addInput(tensor("b", FLOAT, 4))
                .addInput(tensor("i", INT64, 3, 4)).addInput(tensor("j", INT64, 3, 1))
                .addInput(tensor("k", INT32, 5)).addInput(tensor("m", INT32, 5))
                .addNode(node("Mod", List.of("a", "b"), List.of("floor"))).addNode(node("Mod", List.of("a", "b"), List.of("fmod"), intAttr("fmod", 1)))
                .addNode(node("Mod", List.of("i", "j"), List.of("imod"))).addNode(node("Mod", List.of("k", "m"), List.of("kmod"), intAttr("fmod", 1)))
                .addOutput(tensor("floor", FLOAT, 3, 4)).addOutput(tensor("fmod", FLOAT, 3, 4))
                .addOutput(tensor("imod", INT64, 3, 4)).addOutput(tensor("kmod", INT32, 5)).build();
        Tensor j = Tensor.ofLongs(IntegerType.I64, new int[] {3, 1}, new long[] {3, -4, 0});
        check(g, 13, Map.of("a", floats(FloatType.F32, 3, 4), "b", floats(FloatType.F32, 4), "i", ints(IntegerType.I64, 3, 4),
                "j", j, "k", ints(IntegerType.I32, 5), "m", Tensor.ofLongs(IntegerType.I32, new int[] {5}, new long[] {3, -3, 0, 7, -1})));
    }

    @Test
    void clipWithRunTimeBoundsAndIntegers() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("clip")
                .addInput(tensor("x", FLOAT, 3, 4)).addInput(tensor("lo", FLOAT)).addInput(tensor("hi", FLOAT))
                .addInput(tensor("n", INT64, 6)).addInput(tensor("nhi", INT64))
                .addNode(node("Clip", List.of("x", "lo", "hi"), List.of("y")))
                .addNode(node("Clip", List.of("x", "", "hi"), List.of("y_hi")))
                .addNode(node("Clip", List.of("n", "", "nhi"), List.of("m")))
                .addOutput(tensor("y", FLOAT, 3, 4)).addOutput(tensor("y_hi", FLOAT, 3, 4)).addOutput(tensor("m", INT64, 6)).build();
        check(g, 13, Map.of("x", floats(FloatType.F32, 3, 4), "lo", scalar(FloatType.F32, -0.5), "hi", scalar(FloatType.F32, 0.7),
                "n", ints(IntegerType.I64, 6), "nhi", Tensor.ofLongs(IntegerType.I64, new int[0], new long[] {1})));
    }

    @Test
    void resizeWithRunTimeScalesAndSizes() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("resize_runtime")
                .addInput(tensor("x", FLOAT, 1, 2, 4, 5)).addInput(tensor("scales", FLOAT, 4)).addInput(tensor("sizes", INT64, 2))
                .addNode(node("Resize", List.of("x", "", "scales"), List.of("up"), stringAttr("mode", "linear")))
                .addNode(node("Resize", List.of("x", "", "", "sizes"), List.of("cubic"), stringAttr("mode", "cubic"),
                        intsAttr("axes", 2, 3), stringAttr("coordinate_transformation_mode", "align_corners")))
                .addNode(node("Resize", List.of("x", "", "scales"), List.of("near"), stringAttr("nearest_mode", "ceil"),
                        stringAttr("coordinate_transformation_mode", "asymmetric")))
                .addOutput(tensor("up", FLOAT, 1, 2, 2, 8)).addOutput(tensor("cubic", FLOAT, 1, 2, 7, 3))
                .addOutput(tensor("near", FLOAT, 1, 2, 2, 8)).build();
        Tensor scales = Tensor.ofDoubles(FloatType.F32, new int[] {4}, new double[] {1, 1, 0.6, 1.7});
        Tensor sizes = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {7, 3});
        check(g, 18, Map.of("x", floats(FloatType.F32, 1, 2, 4, 5), "scales", scales, "sizes", sizes));
    }

    @Test
    void sliceWithRunTimeStartsAndSteps() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("slice_runtime")
                .addInput(tensor("x", FLOAT, 5, 6, 3)).addInput(tensor("starts", INT64, 2)).addInput(tensor("ends", INT64, 2))
                .addInput(tensor("axes", INT32, 2)).addInput(tensor("steps", INT64, 2)).addInput(tensor("n", INT64, 5, 6, 3))
                .addNode(node("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("y")))
                .addNode(node("Slice", List.of("n", "starts", "ends", "axes", "steps"), List.of("m")))
                .addOutput(tensor("y", FLOAT, 5, 2, 2)).addOutput(tensor("m", INT64, 5, 2, 2)).build();
        check(g, 13, Map.of("x", floats(FloatType.F32, 5, 6, 3), "n", ints(IntegerType.I64, 5, 6, 3),
                "starts", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {-1, 1}),
                "ends", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {-100, 1000}),
                "axes", Tensor.ofLongs(IntegerType.I32, new int[] {2}, new long[] {-1, 1}),
                "steps", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {-2, 3})));
    }

    @Test
    void padModesAndRunTimePads() throws Exception {
        GraphProto.Builder b = GraphProto.newBuilder().setName("pad_runtime")
                .addInput(tensor("x", FLOAT, 3, 4)).addInput(tensor("pads", INT64, 4)).addInput(tensor("value", FLOAT))
                .addInput(tensor("n", INT64, 3, 4))
                .addNode(node("Pad", List.of("x", "pads", "value"), List.of("constant")))
                .addNode(node("Pad", List.of("n", "pads"), List.of("n_constant")))
                .addOutput(tensor("constant", FLOAT, 5, 5)).addOutput(tensor("n_constant", INT64, 5, 5));
        for (String mode : List.of("edge", "reflect", "wrap")) {
            b.addNode(node("Pad", List.of("x", "pads"), List.of(mode), stringAttr("mode", mode)))
                    .addOutput(tensor(mode, FLOAT, 5, 5));
        }
        b.addInitializer(TensorProto.newBuilder().setName("target").setDataType(INT64).addDims(2).addInt64Data(5).addInt64Data(2))
                .addNode(node("CenterCropPad", List.of("x", "target"), List.of("centred")))
                .addOutput(tensor("centred", FLOAT, 5, 2));
        check(b.build(), 18, Map.of("x", floats(FloatType.F32, 3, 4), "n", ints(IntegerType.I64, 3, 4),
                "pads", Tensor.ofLongs(IntegerType.I64, new int[] {4}, new long[] {2, -1, 0, 2}), "value", scalar(FloatType.F32, 1.5)));
    }

    @Test
    void scattersWithReductionsAndDuplicateIndices() throws Exception {
        for (String reduction : List.of("none", "add", "mul", "max", "min")) {
            GraphProto g = GraphProto.newBuilder().setName("scatter_" + reduction)
                    .addInput(tensor("data", FLOAT, 4, 3)).addInput(tensor("idx", INT64, 2, 3)).addInput(tensor("upd", FLOAT, 2, 3))
                    .addInput(tensor("nd_idx", INT64, 3, 1)).addInput(tensor("nd_upd", FLOAT, 3, 3))
                    .addInput(tensor("n", INT32, 4, 3)).addInput(tensor("n_upd", INT32, 2, 3))
                    .addNode(node("ScatterElements", List.of("data", "idx", "upd"), List.of("elements"), intAttr("axis", 0),
                            stringAttr("reduction", reduction)))
                    .addNode(node("ScatterND", List.of("data", "nd_idx", "nd_upd"), List.of("nd"), stringAttr("reduction", reduction)))
                    .addNode(node("ScatterElements", List.of("n", "idx", "n_upd"), List.of("n_elements"), intAttr("axis", 0),
                            stringAttr("reduction", reduction)))
                    .addOutput(tensor("elements", FLOAT, 4, 3)).addOutput(tensor("nd", FLOAT, 4, 3))
                    .addOutput(tensor("n_elements", INT32, 4, 3)).build();
            check(g, 18, Map.of("data", floats(FloatType.F32, 4, 3), "upd", floats(FloatType.F32, 2, 3),
                    "idx", Tensor.ofLongs(IntegerType.I64, new int[] {2, 3}, new long[] {0, -1, 2, 0, 3, 2}),
                    "nd_idx", Tensor.ofLongs(IntegerType.I64, new int[] {3, 1}, new long[] {1, -1, 1}),
                    "nd_upd", floats(FloatType.F32, 3, 3), "n", ints(IntegerType.I32, 4, 3), "n_upd", ints(IntegerType.I32, 2, 3)));
        }
    }

    @Test
    void topKOneHotCompressAndDropoutMask() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("select")
                .addInput(tensor("x", FLOAT, 3, 5)).addInput(tensor("n", INT64, 3, 5)).addInput(tensor("k", INT64, 1))
                .addInput(tensor("hot", INT64, 2, 2)).addInput(tensor("depth", FLOAT)).addInput(tensor("values", INT32, 2))
                .addInput(tensor("cond", TensorProto.DataType.BOOL_VALUE, 4))
                .addNode(node("TopK", List.of("x", "k"), List.of("top", "top_i"), intAttr("axis", 1)))
                .addNode(node("TopK", List.of("n", "k"), List.of("low", "low_i"), intAttr("axis", 0), intAttr("largest", 0)))
                .addNode(node("OneHot", List.of("hot", "depth", "values"), List.of("onehot"), intAttr("axis", 1)))
                .addNode(node("Compress", List.of("x", "cond"), List.of("kept"), intAttr("axis", 1)))
                .addNode(node("Compress", List.of("n", "cond"), List.of("flat")))
                .addNode(node("Dropout", List.of("x"), List.of("dropped", "mask")))
                .addOutput(tensor("top", FLOAT, 3, 2)).addOutput(tensor("top_i", INT64, 3, 2))
                .addOutput(tensor("low", INT64, 2, 5)).addOutput(tensor("low_i", INT64, 2, 5))
                .addOutput(tensor("onehot", INT32, 2, 4, 2)).addOutput(tensor("kept", FLOAT, 3, 2))
                .addOutput(tensor("flat", INT64, 2)).addOutput(tensor("dropped", FLOAT, 3, 5))
                .addOutput(tensor("mask", TensorProto.DataType.BOOL_VALUE, 3, 5)).build();
        Tensor x = floats(FloatType.F32, 3, 5);
        x.doubles()[3] = x.doubles()[1]; // a tie keeps the lower index first
        check(g, 13, Map.of("x", x, "n", ints(IntegerType.I64, 3, 5), "k", Tensor.ofLongs(IntegerType.I64, new int[] {1}, new long[] {2}),
                "hot", Tensor.ofLongs(IntegerType.I64, new int[] {2, 2}, new long[] {0, -1, 3, 7}), "depth", scalar(FloatType.F32, 4),
                "values", Tensor.ofLongs(IntegerType.I32, new int[] {2}, new long[] {-2, 5}),
                "cond", Tensor.ofLongs(dev.nnc.ir.type.BoolType.I1, new int[] {4}, new long[] {0, 1, 0, 1})));
    }

    @Test
    void reductionsOnDoublesAndIntegers() throws Exception {
        GraphProto.Builder b = GraphProto.newBuilder().setName("typed_reduce")
                .addInput(tensor("x", DOUBLE, 3, 2, 4)).addInput(tensor("n", INT64, 3, 2, 4)).addInput(tensor("axes", INT64, 2));
        for (String op : List.of("ReduceLogSumExp", "ReduceL2", "ReduceMean", "ReduceMax", "ReduceProd")) {
            String lower = op.toLowerCase();
            b.addNode(node(op, List.of("x", "axes"), List.of(lower)))
                    .addNode(node(op, List.of("n", "axes"), List.of(lower + "_n"), intAttr("keepdims", 0)))
                    .addOutput(tensor(lower, DOUBLE, 3, 1, 1)).addOutput(tensor(lower + "_n", INT64, 3));
        }
        b.addInitializer(TensorProto.newBuilder().setName("first").setDataType(INT64).addDims(1).addInt64Data(0))
                .addNode(node("ReduceSum", List.of("n", "first"), List.of("sum_first")))
                .addOutput(tensor("sum_first", INT64, 1, 2, 4));
        check(b.build(), 18, Map.of("x", floats(FloatType.F64, 3, 2, 4), "n", ints(IntegerType.I64, 3, 2, 4),
                "axes", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {-1, 1})));
    }

    @Test
    void lpPoolAndEinsum() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("lp_einsum")
                .addInput(tensor("x", FLOAT, 1, 2, 5, 5)).addInput(tensor("a", FLOAT, 2, 3, 4)).addInput(tensor("b", FLOAT, 2, 4, 3))
                .addInput(tensor("d", DOUBLE, 3, 3)).addInput(tensor("n", INT64, 2, 3))
                .addNode(node("LpPool", List.of("x"), List.of("lp"), intsAttr("kernel_shape", 3, 2), intsAttr("pads", 1, 0, 1, 1),
                        intsAttr("strides", 2, 1), intAttr("p", 3)))
                .addNode(node("GlobalLpPool", List.of("x"), List.of("glp")))
                .addNode(node("Einsum", List.of("a", "b"), List.of("bmm"), stringAttr("equation", "bij,bjk->bik")))
                .addNode(node("Einsum", List.of("a"), List.of("t"), stringAttr("equation", "...ij->...ji")))
                .addNode(node("Einsum", List.of("d"), List.of("diag"), stringAttr("equation", "ii")))
                .addNode(node("Einsum", List.of("n", "n"), List.of("gram"), stringAttr("equation", "ij,kj")))
                .addOutput(tensor("lp", FLOAT, 1, 2, 3, 5)).addOutput(tensor("glp", FLOAT, 1, 2, 1, 1))
                .addOutput(tensor("bmm", FLOAT, 2, 3, 3)).addOutput(tensor("t", FLOAT, 2, 4, 3))
                .addOutput(tensor("diag", DOUBLE)).addOutput(tensor("gram", INT64, 2, 2)).build();
        check(g, 18, Map.of("x", floats(FloatType.F32, 1, 2, 5, 5), "a", floats(FloatType.F32, 2, 3, 4),
                "b", floats(FloatType.F32, 2, 4, 3), "d", floats(FloatType.F64, 3, 3), "n", ints(IntegerType.I64, 2, 3)));
    }

    @Test
    void recurrentCellsEveryDirectionAndLayout() throws Exception {
        int hs = 3;
        GraphProto g = GraphProto.newBuilder().setName("recurrent")
                .addInput(tensor("x", FLOAT, 4, 2, 5)).addInput(tensor("lens", INT32, 2))
                .addInput(tensor("lw", FLOAT, 2, 4 * hs, 5)).addInput(tensor("lr", FLOAT, 2, 4 * hs, hs))
                .addInput(tensor("lb", FLOAT, 2, 8 * hs)).addInput(tensor("lp", FLOAT, 2, 3 * hs))
                .addInput(tensor("xb", FLOAT, 2, 4, 5)).addInput(tensor("h0", FLOAT, 2, 1, hs))
                .addInput(tensor("gw", FLOAT, 1, 3 * hs, 5)).addInput(tensor("gr", FLOAT, 1, 3 * hs, hs))
                .addInput(tensor("gb", FLOAT, 1, 6 * hs))
                .addInput(tensor("rw", FLOAT, 1, hs, 5)).addInput(tensor("rr", FLOAT, 1, hs, hs))
                .addNode(node("LSTM", List.of("x", "lw", "lr", "lb", "lens", "", "", "lp"), List.of("ly", "lh", "lc"),
                        stringAttr("direction", "bidirectional"), intAttr("hidden_size", hs), floatAttr("clip", 2.5f)))
                .addNode(node("GRU", List.of("xb", "gw", "gr", "gb", "", "h0"), List.of("gy", "gh"),
                        intAttr("layout", 1), intAttr("linear_before_reset", 1), intAttr("hidden_size", hs)))
                .addNode(node("GRU", List.of("x", "gw", "gr", "gb"), List.of("", "gh2"), intAttr("hidden_size", hs),
                        stringAttr("direction", "reverse")))
                .addNode(node("RNN", List.of("x", "rw", "rr"), List.of("ry"), intAttr("hidden_size", hs),
                        AttributeProto.newBuilder().setName("activations").setType(AttributeProto.AttributeType.STRINGS)
                                .addStrings(com.google.protobuf.ByteString.copyFromUtf8("HardSigmoid")).build(),
                        AttributeProto.newBuilder().setName("activation_alpha").setType(AttributeProto.AttributeType.FLOATS)
                                .addFloats(0.3f).build()))
                .addOutput(tensor("ly", FLOAT, 4, 2, 2, hs)).addOutput(tensor("lh", FLOAT, 2, 2, hs))
                .addOutput(tensor("lc", FLOAT, 2, 2, hs)).addOutput(tensor("gy", FLOAT, 2, 4, 1, hs))
                .addOutput(tensor("gh", FLOAT, 2, 1, hs)).addOutput(tensor("gh2", FLOAT, 1, 2, hs))
                .addOutput(tensor("ry", FLOAT, 4, 1, 2, hs)).build();
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", floats(FloatType.F32, 4, 2, 5));
        in.put("lens", Tensor.ofLongs(IntegerType.I32, new int[] {2}, new long[] {4, 2}));
        in.put("lw", floats(FloatType.F32, 2, 4 * hs, 5));
        in.put("lr", floats(FloatType.F32, 2, 4 * hs, hs));
        in.put("lb", floats(FloatType.F32, 2, 8 * hs));
        in.put("lp", floats(FloatType.F32, 2, 3 * hs));
        in.put("xb", floats(FloatType.F32, 2, 4, 5));
        in.put("h0", floats(FloatType.F32, 2, 1, hs));
        in.put("gw", floats(FloatType.F32, 1, 3 * hs, 5));
        in.put("gr", floats(FloatType.F32, 1, 3 * hs, hs));
        in.put("gb", floats(FloatType.F32, 1, 6 * hs));
        in.put("rw", floats(FloatType.F32, 1, hs, 5));
        in.put("rr", floats(FloatType.F32, 1, hs, hs));
        check(g, 14, in);
    }

    @Test
    void mixedTypePowIsInfAndGenerators() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("generators")
                .addInput(tensor("x", FLOAT, 2, 3)).addInput(tensor("e", INT64, 3)).addInput(tensor("n", INT32, 2, 3))
                .addInput(tensor("f", FLOAT, 3)).addInput(tensor("shape", INT64, 2))
                .addInput(tensor("start", INT32)).addInput(tensor("limit", INT32)).addInput(tensor("delta", INT32))
                .addInput(tensor("fs", FLOAT)).addInput(tensor("fl", FLOAT)).addInput(tensor("fd", FLOAT))
                .addNode(node("Pow", List.of("x", "e"), List.of("xe"))).addNode(node("Pow", List.of("n", "e"), List.of("ne")))
                .addNode(node("Pow", List.of("n", "f"), List.of("nf")))
                .addNode(node("IsInf", List.of("x"), List.of("inf"), intAttr("detect_positive", 0)))
                .addNode(node("ConstantOfShape", List.of("shape"), List.of("sevens"), AttributeProto.newBuilder().setName("value")
                        .setType(AttributeProto.AttributeType.TENSOR).setT(TensorProto.newBuilder().setDataType(INT64).addDims(1)
                                .addInt64Data(7)).build()))
                .addNode(node("EyeLike", List.of("x"), List.of("eye"), intAttr("k", 1), intAttr("dtype", INT32)))
                .addNode(node("Range", List.of("start", "limit", "delta"), List.of("ints")))
                .addNode(node("Range", List.of("fs", "fl", "fd"), List.of("floats_out")))
                .addInput(tensor("wsize", INT64))
                .addNode(node("HannWindow", List.of("wsize"), List.of("hann")))
                .addNode(node("BlackmanWindow", List.of("wsize"), List.of("blackman"), intAttr("periodic", 0), intAttr("output_datatype", DOUBLE)))
                .addOutput(tensor("hann", FLOAT, 5)).addOutput(tensor("blackman", DOUBLE, 5))
                .addOutput(tensor("xe", FLOAT, 2, 3)).addOutput(tensor("ne", INT32, 2, 3)).addOutput(tensor("nf", INT32, 2, 3))
                .addOutput(tensor("inf", TensorProto.DataType.BOOL_VALUE, 2, 3)).addOutput(tensor("sevens", INT64, 2, 4))
                .addOutput(tensor("eye", INT32, 2, 3)).addOutput(tensor("ints", INT32, 4)).addOutput(tensor("floats_out", FLOAT, 3))
                .build();
        Tensor x = floats(FloatType.F32, 2, 3);
        x.doubles()[1] = Double.NEGATIVE_INFINITY;
        x.doubles()[4] = Double.POSITIVE_INFINITY;
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", x);
        in.put("e", Tensor.ofLongs(IntegerType.I64, new int[] {3}, new long[] {2, 0, 3}));
        in.put("n", ints(IntegerType.I32, 2, 3));
        in.put("f", Tensor.ofDoubles(FloatType.F32, new int[] {3}, new double[] {0.5, 2, -1}));
        in.put("shape", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {2, 4}));
        in.put("start", Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {10}));
        in.put("limit", Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {2}));
        in.put("delta", Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {-2}));
        in.put("fs", scalar(FloatType.F32, 0.5));
        in.put("fl", scalar(FloatType.F32, 2));
        in.put("fd", scalar(FloatType.F32, 0.6));
        in.put("wsize", Tensor.ofLongs(IntegerType.I64, new int[0], new long[] {5}));
        check(g, 17, in);
    }

    @Test
    void tileBlocksGatherNdAndReverseSequence() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("rearrange")
                .addInput(tensor("x", FLOAT, 1, 8, 2, 3)).addInput(tensor("reps", INT64, 2)).addInput(tensor("m", INT64, 2, 3))
                .addInput(tensor("idx", INT64, 2, 1, 1)).addInput(tensor("seq", FLOAT, 4, 3, 2)).addInput(tensor("lens", INT64, 3))
                .addNode(node("Tile", List.of("m", "reps"), List.of("tiled")))
                .addNode(node("DepthToSpace", List.of("x"), List.of("dcr"), intAttr("blocksize", 2)))
                .addNode(node("DepthToSpace", List.of("x"), List.of("crd"), intAttr("blocksize", 2), stringAttr("mode", "CRD")))
                .addNode(node("SpaceToDepth", List.of("dcr"), List.of("back"), intAttr("blocksize", 2)))
                .addNode(node("GatherND", List.of("m", "idx"), List.of("picked"), intAttr("batch_dims", 1)))
                .addNode(node("ReverseSequence", List.of("seq", "lens"), List.of("reversed"), intAttr("time_axis", 0), intAttr("batch_axis", 1)))
                .addOutput(tensor("tiled", INT64, 4, 9)).addOutput(tensor("dcr", FLOAT, 1, 2, 4, 6))
                .addOutput(tensor("crd", FLOAT, 1, 2, 4, 6)).addOutput(tensor("back", FLOAT, 1, 8, 2, 3))
                .addOutput(tensor("picked", INT64, 2, 1)).addOutput(tensor("reversed", FLOAT, 4, 3, 2)).build();
        check(g, 13, Map.of("x", floats(FloatType.F32, 1, 8, 2, 3), "reps", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {2, 3}),
                "m", ints(IntegerType.I64, 2, 3), "idx", Tensor.ofLongs(IntegerType.I64, new int[] {2, 1, 1}, new long[] {2, -3}),
                "seq", floats(FloatType.F32, 4, 3, 2), "lens", Tensor.ofLongs(IntegerType.I64, new int[] {3}, new long[] {4, 0, 2})));
    }

    @Test
    void channelNormsAndGelu() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("channel_norms")
                .addInput(tensor("x", FLOAT, 2, 4, 3)).addInput(tensor("s", FLOAT, 4)).addInput(tensor("b", FLOAT, 4))
                .addInput(tensor("gs", FLOAT, 2)).addInput(tensor("gb", FLOAT, 2)).addInput(tensor("d", DOUBLE, 2, 3))
                .addNode(node("InstanceNormalization", List.of("x", "s", "b"), List.of("inst"), floatAttr("epsilon", 1e-3f)))
                .addNode(node("GroupNormalization", List.of("x", "gs", "gb"), List.of("group"), intAttr("num_groups", 2)))
                .addNode(node("LRN", List.of("x"), List.of("lrn"), intAttr("size", 3), floatAttr("alpha", 0.01f)))
                .addNode(node("Gelu", List.of("d"), List.of("gelu_d")))
                .addNode(node("Gelu", List.of("d"), List.of("gelu_tanh"), stringAttr("approximate", "tanh")))
                .addOutput(tensor("inst", FLOAT, 2, 4, 3)).addOutput(tensor("group", FLOAT, 2, 4, 3))
                .addOutput(tensor("lrn", FLOAT, 2, 4, 3)).addOutput(tensor("gelu_d", DOUBLE, 2, 3)).addOutput(tensor("gelu_tanh", DOUBLE, 2, 3))
                .build();
        check(g, 20, Map.of("x", floats(FloatType.F32, 2, 4, 3), "s", floats(FloatType.F32, 4), "b", floats(FloatType.F32, 4),
                "gs", floats(FloatType.F32, 2), "gb", floats(FloatType.F32, 2), "d", floats(FloatType.F64, 2, 3)));
    }

    @Test
    void col2imWithRunTimeBlockShape() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("col2im")
                .addInput(tensor("x", FLOAT, 1, 8, 8)).addInput(tensor("image", INT64, 2)).addInput(tensor("block", INT64, 2))
                .addNode(node("Col2Im", List.of("x", "image", "block"), List.of("y"), intsAttr("pads", 1, 0, 0, 1),
                        intsAttr("strides", 2, 1)))
                .addOutput(tensor("y", FLOAT, 1, 2, 4, 4)).build();
        check(g, 18, Map.of("x", floats(FloatType.F32, 1, 8, 8), "image", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {4, 4}),
                "block", Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {2, 2})));
    }

    // ---------------------------------------------------------------- helpers

    private void check(GraphProto g, int opset, Map<String, Tensor> inputs) throws Exception {
        CpuAgainstInterpreter.check(dir, g, opset, inputs, new CpuOptions(1, false)); // native only: no interpreter fallback
    }

    private Tensor floats(ElementType type, int... shape) {
        double[] v = new double[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (random.nextDouble() - 0.5) * 6;
        }
        return Tensor.ofDoubles(type, shape, v);
    }

    private Tensor ints(ElementType type, int... shape) {
        long[] v = new long[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(21) - 10;
        }
        return Tensor.ofLongs(type, shape, v);
    }

    private static Tensor scalar(ElementType type, double v) {
        return Tensor.ofDoubles(type, new int[0], new double[] {v});
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static NodeProto node(String op, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        NodeProto.Builder b = OnnxBuilder.node(op, outputs.get(0) + "_node", inputs, outputs).toBuilder();
        for (AttributeProto a : attrs) {
            b.addAttribute(a);
        }
        return b.build();
    }
}
