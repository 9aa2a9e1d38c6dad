package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import java.util.Map;

/**
 * The lowerings of ops that used to run on the interpreter only (losses, running folds, Mod, and
 * operands given at run time rather than as constants), added to {@link Lowerings}' table; where an
 * op already has a lowering for its common case, the new one takes only the cases it refused.
 */
final class MoreLowerings {
    private MoreLowerings() {
    }

    static void addTo(Map<String, OpLowering> t) {
        put(t, new LossLowering(), "NegativeLogLikelihoodLoss", "SoftmaxCrossEntropyLoss");
        put(t, new CumulativeLowering(), "CumSum", "CumProd");
        ScalarCallLowering scalarCall = new ScalarCallLowering();
        put(t, scalarCall, "Mod", "IsInf");
        OpLowering pow = t.get("onnx.Pow");
        t.put("onnx.Pow", (op, ctx) -> (ScalarCallLowering.powHere(op) ? scalarCall : pow).lower(op, ctx));
        OpLowering clip = t.get("onnx.Clip");
        t.put("onnx.Clip", (op, ctx) -> (ScalarCallLowering.clipHere(op, ctx) ? scalarCall : clip).lower(op, ctx));
        OpLowering resize = t.get("onnx.Resize");
        OpLowering resizeAtRunTime = new ResizeAtRunTimeLowering();
        t.put("onnx.Resize", (op, ctx) -> (ResizeAtRunTimeLowering.applies(op, ctx) ? resizeAtRunTime : resize).lower(op, ctx));
        OpLowering axisMaps = new AxisMapLowering();
        for (String n : new String[] {"onnx.Slice", "onnx.Pad"}) {
            OpLowering strided = t.get(n);
            t.put(n, (op, ctx) -> (AxisMapLowering.applies(op, ctx) ? axisMaps : strided).lower(op, ctx));
        }
        put(t, axisMaps, "CenterCropPad", "Compress", "Tile");
        put(t, new ScatterLowering(), "Scatter", "ScatterElements", "ScatterND", "TensorScatter");
        put(t, new TopKLowering(), "TopK");
        put(t, new OneHotLowering(), "OneHot");
        put(t, new LpPoolLowering(), "LpPool", "GlobalLpPool");
        put(t, new EinsumLowering(), "Einsum");
        put(t, new RecurrentLowering(), "LSTM", "GRU", "RNN");
        put(t, new GenerateLowering(), "ConstantOfShape", "EyeLike", "Range", "HannWindow", "HammingWindow",
                "BlackmanWindow");
        put(t, new RearrangeLowering(), "DepthToSpace", "SpaceToDepth", "GatherND", "ReverseSequence");
        put(t, new ChannelNormLowering(), "InstanceNormalization", "GroupNormalization", "LRN");
        put(t, new Col2ImLowering(), "Col2Im");
        OpLowering gelu = t.get("onnx.Gelu");
        t.put("onnx.Gelu", (op, ctx) -> (ScalarCallLowering.geluHere(op, ctx) ? scalarCall : gelu).lower(op, ctx));
        OpLowering typedReduce = new TypedReduceLowering();
        for (String n : ReduceLowering.KINDS.keySet()) {
            OpLowering f32 = t.get("onnx." + n);
            t.put("onnx." + n, (op, ctx) -> (isF32(op) ? f32 : typedReduce).lower(op, ctx));
        }
        OpLowering dropout = t.get("onnx.Dropout");
        OpLowering inference = new DropoutLowering();
        t.put("onnx.Dropout", (op, ctx) -> (DropoutLowering.applies(op, ctx) ? inference : dropout).lower(op, ctx));
    }

    private static void put(Map<String, OpLowering> t, OpLowering l, String... names) {
        for (String n : names) {
            t.put("onnx." + n, l);
        }
    }

    static boolean isF32(Operation op) {
        return op.result(0).type() instanceof dev.nnc.ir.type.TensorType tt
                && tt.elementType() == dev.nnc.ir.type.FloatType.F32;
    }
}
