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
import java.util.Locale;

/**
 * The QONNX quantizers that Brevitas and QKeras export for quantization-aware trained models,
 * as float ops ("fake quantization"): {@code Quant} rounds x / scale + zeropt to an integer of
 * {@code bitwidth} bits (clamped to the signed/narrow range first, as QONNX's reference does),
 * then scales back; {@code BipolarQuant} gives +-scale by the sign of x (0 counts as +).
 * Every step is a float32 operation, as in QONNX's numpy reference, so the results agree bit for
 * bit. scale, zeropt and bitwidth broadcast against x (tensor-wise or channel-wise).
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
        Rounding rounding = Rounding.of(ctx, ctx.attrs().getString("rounding_mode", "ROUND"));
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
        for (int i = 0; i < r.length; i++) {
            float s = (float) scale.getDouble(is == null ? i : is[i]);
            float z = (float) zeropt.getDouble(iz == null ? i : iz[i]);
            double w = bits.getDouble(ib == null ? i : ib[i]);
            if (w < 1 || w != Math.rint(w) || w > 63) {
                throw ctx.error("bitwidth must be a positive whole number of bits (at most 63), got " + w);
            }
            int width = (int) w;
            float min = !signed ? 0f : (float) (narrow ? -(Math.pow(2, width - 1)) + 1 : -Math.pow(2, width - 1));
            float max = (float) (!signed ? (narrow ? Math.pow(2, width) - 2 : Math.pow(2, width) - 1) : Math.pow(2, width - 1) - 1);
            float q = (float) xv[i] / s + z;
            q = rounding.apply(Math.min(Math.max(q, min), max));
            r[i] = (q - z) * s;
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
            float s = (float) scale.getDouble(is == null ? i : is[i]);
            r[i] = (xv[i] >= 0 ? 1f : -1f) * s;
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

    /** QONNX's rounding modes (names in any case); ROUND is numpy's round, half to even. */
    private enum Rounding {
        ROUND, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN;

        static Rounding of(EvalContext ctx, String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ctx.error("rounding_mode must be one of ROUND, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN, got '" + name + "'");
            }
        }

        float apply(float v) {
            return switch (this) {
                case ROUND -> (float) Math.rint(v);
                case CEIL -> (float) Math.ceil(v);
                case FLOOR -> (float) Math.floor(v);
                case UP -> (float) (Math.signum(v) * Math.ceil(Math.abs(v)));
                case DOWN -> (float) (Math.signum(v) * Math.floor(Math.abs(v)));
                case HALF_UP -> (float) (Math.signum(v) * Math.floor(Math.abs(v) + 0.5));
                case HALF_DOWN -> (float) (Math.signum(v) * Math.ceil(Math.abs(v) - 0.5));
            };
        }
    }
}
