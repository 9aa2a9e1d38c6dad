package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * The QONNX quantizers that Brevitas and QKeras export for quantization-aware trained models,
 * as float ops ("fake quantization"): {@code Quant} rounds x / scale + zeropt to an integer of
 * {@code bitwidth} bits (clamped to the signed/narrow range first, as QONNX's reference does),
 * then scales back; {@code BipolarQuant} gives +-scale by the sign of x (0 counts as +).
 * The element rule is {@link QonnxQuant}'s (float32 steps, as QONNX's numpy reference), shared
 * with the CPU backend. scale, zeropt and bitwidth broadcast against x (tensor-wise or channel-wise).
 * Specification: fastmachinelearning/qonnx docs/qonnx-custom-ops/quant_op.md, bipolar_quant_op.md.
 */
public final class QonnxKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/qonnx.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Quant", QonnxKernels::inferLikeInput, QonnxKernels::quant);
        t.op("BipolarQuant", QonnxKernels::inferLikeInput, QonnxKernels::bipolar);
    }

    /** The result has x's type: the quantizer broadcasts its parameters to x. */
    private static List<Type> inferLikeInput(InferContext ctx) {
        return Collections.singletonList(ctx.operandType(0));
    }

    private static List<Tensor> quant(EvalContext ctx) {
        Tensor x = requireF32(ctx, ctx.input(0), "X");
        boolean signed = ctx.attrs().getInt("signed", 1) != 0;
        boolean narrow = ctx.attrs().getInt("narrow", 0) != 0;
        int[] shape = x.shape();
        Tensor scale = ctx.input(1);
        Tensor zeropt = ctx.input(2);
        Tensor bits = ctx.input(3);
        requireBroadcastsTo(ctx, shape, scale, zeropt, bits);
        int[] is = ElementwiseSupport.index(scale, shape);
        int[] iz = ElementwiseSupport.index(zeropt, shape);
        int[] ib = ElementwiseSupport.index(bits, shape);
        double[] xv = x.doubles();
        double[] r = new double[xv.length];
        try {
            int rounding = QonnxQuant.rounding(ctx.attrs().getString("rounding_mode", "ROUND"));
            for (int i = 0; i < r.length; i++) {
                r[i] = QonnxQuant.quant((float) xv[i], (float) scale.getDouble(is == null ? i : is[i]),
                        (float) zeropt.getDouble(iz == null ? i : iz[i]), bits.getDouble(ib == null ? i : ib[i]),
                        signed, narrow, rounding);
            }
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
        return List.of(Tensor.ofDoubles(FloatType.F32, shape, r));
    }

    private static List<Tensor> bipolar(EvalContext ctx) {
        Tensor x = requireF32(ctx, ctx.input(0), "X");
        Tensor scale = ctx.input(1);
        int[] shape = x.shape();
        requireBroadcastsTo(ctx, shape, scale);
        int[] is = ElementwiseSupport.index(scale, shape);
        double[] xv = x.doubles();
        double[] r = new double[xv.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = QonnxQuant.bipolar((float) xv[i], (float) scale.getDouble(is == null ? i : is[i]));
        }
        return List.of(Tensor.ofDoubles(FloatType.F32, shape, r));
    }

    private static Tensor requireF32(EvalContext ctx, Tensor t, String what) {
        if (t.elementType() != FloatType.F32) {
            throw ctx.error(what + " must be f32 (QONNX quantizers are float32 ops), got " + t.elementType().spelling());
        }
        return t;
    }

    /** Each parameter broadcasts to x's shape without growing it. */
    private static void requireBroadcastsTo(EvalContext ctx, int[] shape, Tensor... params) {
        for (Tensor p : params) {
            int[] b = dev.nnc.ir.tensor.Shapes.broadcast(shape, p.shape());
            if (b == null || !java.util.Arrays.equals(b, shape)) {
                throw ctx.error("a parameter of shape " + java.util.Arrays.toString(p.shape())
                        + " does not broadcast to X's shape " + java.util.Arrays.toString(shape));
            }
        }
    }
}
