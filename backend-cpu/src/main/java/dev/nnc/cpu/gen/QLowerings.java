package dev.nnc.cpu.gen;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.q.QDialect;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fixed-point graphs (the output of {@code nnc quantize}): the {@code q} ops, and {@code onnx} ops
 * whose operands or results are fixed point, run on integer kernels bit-exactly equal to the
 * interpreter. {@link #install} adds the q ops and puts a dispatcher in front of every onnx
 * lowering: an op touching a fixed-point value goes to its fixed-point lowering, moves raws
 * unchanged (reshape-like ops, Transpose), or is refused naming the node.
 */
final class QLowerings {
    /** Ops that move raws without arithmetic: the float lowerings handle them on any element type. */
    static final Set<String> MOVES = Set.of("onnx.Reshape", "onnx.Flatten", "onnx.Squeeze", "onnx.Unsqueeze",
            "onnx.Identity", "onnx.Dropout", "onnx.Transpose");

    private QLowerings() {
    }

    static void install(Map<String, OpLowering> table) {
        QStatics statics = new QStatics();
        OpLowering format = new QFormatLowering(statics);
        for (String n : List.of(QDialect.QUANTIZE, QDialect.DEQUANTIZE, QDialect.CAST, QDialect.REQUANTIZE, QDialect.LUT,
                QDialect.SOFTMAX)) {
            table.put(n, format);
        }
        OpLowering arithmetic = new QArithmeticLowering(statics);
        OpLowering linear = new QLinearLowering(statics);
        OpLowering pool = new QPoolLowering(statics);
        Map<String, OpLowering> fixed = Map.of("onnx.Add", arithmetic, "onnx.Sub", arithmetic, "onnx.Mul", arithmetic,
                "onnx.Relu", arithmetic, "onnx.Clip", arithmetic, "onnx.Conv", linear, "onnx.Gemm", linear,
                "onnx.MatMul", linear, "onnx.MaxPool", pool, "onnx.AveragePool", pool);
        Map<String, OpLowering> withGlobal = new java.util.HashMap<>(fixed);
        withGlobal.put("onnx.GlobalAveragePool", pool);
        for (Map.Entry<String, OpLowering> e : table.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("onnx.")) {
                continue;
            }
            OpLowering plain = e.getValue();
            OpLowering own = withGlobal.get(name);
            e.setValue((op, ctx) -> {
                if (!touchesFixed(op)) {
                    plain.lower(op, ctx);
                } else if (own != null) {
                    own.lower(op, ctx);
                } else if (MOVES.contains(name)) {
                    plain.lower(op, ctx);
                } else {
                    throw ctx.unsupported(op, "fixed-point operands are not supported by the CPU backend yet");
                }
            });
        }
    }

    static boolean touchesFixed(Operation op) {
        for (Value v : op.operands()) {
            if (QStatics.fixed(v) != null) {
                return true;
            }
        }
        for (Value v : op.results()) {
            if (QStatics.fixed(v) != null) {
                return true;
            }
        }
        return false;
    }
}
