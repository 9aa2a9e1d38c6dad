package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * {@code BitCast} (opset 26): reinterprets each element's bits as another type of the same width.
 * Casts between widths (which change the last dimension) are rejected with a message naming the node.
 */
public final class BitCastKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/bitcast.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("BitCast", BitCastKernels::infer, BitCastKernels::bitCast);
    }

    private static List<Type> infer(InferContext ctx) {
        ElementType to = OnnxDataType.toElementType(ctx.attrs().getInt32("to")).orElse(null);
        Type in = ctx.operandType(0);
        return Collections.singletonList(to != null && in instanceof TensorType tt ? tt.withElementType(to) : null);
    }

    private static List<Tensor> bitCast(EvalContext ctx) {
        int code = ctx.attrs().getInt32("to");
        ElementType to = OnnxDataType.toElementType(code)
                .orElseThrow(() -> ctx.error("BitCast to " + OnnxDataType.name(code) + " is not supported"));
        Tensor x = ctx.input(0);
        ElementType from = x.elementType();
        if (from.byteSize() != to.byteSize() || from.byteSize() == 0) {
            throw ctx.error("BitCast from " + from.spelling() + " to " + to.spelling()
                    + " changes the element size; only same-size bit casts are supported");
        }
        int n = x.size();
        if (to instanceof FloatType ft) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ft.fromBits(bits(x, i));
            }
            return List.of(Tensor.ofDoubles(to, x.shape(), out));
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = bits(x, i);
        }
        return List.of(Tensor.ofLongs(to, x.shape(), out));
    }

    /** The element's bit pattern in the low bits of a long. */
    private static long bits(Tensor x, int i) {
        return x.isLongs() ? x.longs()[i] : ((FloatType) x.elementType()).toBits(x.doubles()[i]);
    }
}
