package dev.nnc.cpu.gen;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The ops the CPU backend runs, by full op name, each with its lowering. */
final class Lowerings {
    private Lowerings() {
    }

    static Map<String, OpLowering> table() {
        Map<String, OpLowering> t = new HashMap<>();
        OpLowering elementwise = new ElementwiseLowering();
        ElementwiseLowering.UNARY.forEach(n -> t.put("onnx." + n, elementwise));
        ElementwiseLowering.BINARY.forEach(n -> t.put("onnx." + n, elementwise));
        OpLowering linear = new LinearLowering();
        put(t, linear, "MatMul", "Gemm", "FusedGemm");
        put(t, new WindowLowering(), "ConvTranspose", "MaxPool", "AveragePool", "GlobalAveragePool",
                "GlobalMaxPool");
        put(t, new ConvLowering(), "Conv", "FusedConv");
        OpLowering layout = new LayoutLowering();
        LayoutLowering.ALIASES.forEach(n -> t.put("onnx." + n, layout));
        put(t, layout, "Transpose", "Concat");
        put(t, new IndexLowering(), "Gather", "GatherElements", "ArgMax", "ArgMin");
        put(t, new ResizeLowering(), "Resize");
        put(t, new TriluLowering(), "Trilu");
        OpLowering typed = new TypedElementwiseLowering();
        TypedElementwiseLowering.OPS.forEach(n -> t.put("onnx." + n, typed));
        for (String n : TypedElementwiseLowering.ARITHMETIC) {
            OpLowering f32 = t.get("onnx." + n);
            t.put("onnx." + n, (op, ctx) -> (isF32(op) ? f32 : typed).lower(op, ctx));
        }
        put(t, new NormalizationLowering(), "Softmax", "LogSoftmax", "Hardmax", "LpNormalization", "BatchNormalization", "LayerNormalization",
                "RMSNormalization");
        OpLowering reduce = new ReduceLowering();
        ReduceLowering.KINDS.keySet().forEach(n -> t.put("onnx." + n, reduce));
        put(t, new StridedLowering(), "Slice", "Split", "Pad");
        put(t, new QonnxLowering(), "Quant", "BipolarQuant");
        MoreLowerings.addTo(t);
        QLowerings.install(t); // keep last: puts the fixed-point dispatch in front of every lowering above
        return t;
    }

    /** Op names (without dialect) the backend can lower; constants and shape ops fold instead. */
    static Set<String> supportedOps() {
        Set<String> s = new java.util.TreeSet<>();
        table().keySet().forEach(n -> s.add(n.substring(n.indexOf('.') + 1)));
        return s;
    }

    private static boolean isF32(dev.nnc.ir.core.Operation op) {
        return op.result(0).type() instanceof dev.nnc.ir.type.TensorType tt && tt.elementType() == dev.nnc.ir.type.FloatType.F32;
    }

    private static void put(Map<String, OpLowering> t, OpLowering l, String... names) {
        for (String n : names) {
            t.put("onnx." + n, l);
        }
    }
}
