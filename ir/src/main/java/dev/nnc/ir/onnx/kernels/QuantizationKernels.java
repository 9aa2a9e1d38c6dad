package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Linear quantization: {@code QuantizeLinear} (per-tensor, per-axis and blocked scales, integer
 * targets of 2 to 32 bits, round half to even, saturating; float8 targets under {@code saturate},
 * float4 always saturating), {@code DequantizeLinear}, {@code DynamicQuantizeLinear},
 * {@code QLinearConv} and {@code QLinearMatMul}.
 */
public final class QuantizationKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/quantization.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("QuantizeLinear", QuantizationKernels::inferQuantize, QuantizationKernels::quantize);
        t.op("DequantizeLinear", QuantizationKernels::inferDequantize, QuantizationKernels::dequantize);
        t.op("DynamicQuantizeLinear", QuantizationKernels::inferDynamic, QuantizationKernels::dynamicQuantize);
        t.op("QLinearConv", new WindowVerifier(), QuantizationKernels::inferQLinearConv, QLinearKernels::conv);
        t.op("QLinearMatMul", QuantizationKernels::inferQLinearMatMul, QLinearKernels::matmul);
    }

    /** y = saturate(rint(x / scale) + zero_point), the division rounded to the float type in force first. */
    private static List<Tensor> quantize(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        Tensor scale = ctx.input(1);
        Tensor zp = ctx.input(2);
        ElementType target = quantizedType(op, zp == null ? null : zp.elementType(), ctx.attrs().getInt("output_dtype", 0));
        QuantLayout layout = QuantLayout.of(op, x.shape(), scale.shape(), ctx.attrs().getInt("axis", 1), ctx.attrs().getInt("block_size", 0));
        if (zp != null && !Arrays.equals(zp.shape(), scale.shape()) && zp.size() != 1) {
            throw ctx.error("zero point shape " + Arrays.toString(zp.shape()) + " differs from scale shape " + Arrays.toString(scale.shape()));
        }
        long precision = ctx.attrs().getInt("precision", 0);
        FloatType div = precision != 0 ? (FloatType) dataType(op, precision) : promote(x.elementType(), scale.elementType());
        double[] xv = NnUtil.values(x);
        double[] sv = NnUtil.values(scale);
        if (target instanceof FloatType ft) {
            return List.of(quantizeToFloat(ctx, ft, div, layout, xv, sv, zp));
        }
        IntegerType out = (IntegerType) target;
        long[] zv = zp == null ? null : NnUtil.longs(zp);
        long[] q = new long[xv.length];
        for (int i = 0; i < xv.length; i++) {
            int si = layout.index(i);
            double v = Math.rint(div.round(div.round(xv[i]) / div.round(sv[si])));
            if (zv != null) {
                v += zv[zv.length == 1 ? 0 : si];
            }
            q[i] = (long) Math.max(out.minValue(), Math.min(out.maxValue(), v));
        }
        return List.of(Tensor.ofLongs(out, x.shape(), q));
    }

    /**
     * y = x / scale rounded to a float8 or float4 type, as ONNX's reference: the quotient in the
     * float type in force, float4 adds the zero point (float8 zero points must be 0 and are not
     * added, which keeps -0), then the conversion saturates (float8 under {@code saturate}).
     */
    private static Tensor quantizeToFloat(EvalContext ctx, FloatType out, FloatType div, QuantLayout layout,
            double[] xv, double[] sv, Tensor zp) {
        boolean saturate = ctx.attrs().getInt("saturate", 1) != 0;
        double[] zv = zp == null || out != FloatType.F4E2M1FN ? null : NnUtil.values(zp);
        double[] y = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            int si = layout.index(i);
            double v = div.round(div.round(xv[i]) / div.round(sv[si]));
            if (zv != null) {
                v = div.round(v + zv[zv.length == 1 ? 0 : si]);
            }
            y[i] = saturate ? out.roundSaturating(v) : out.round(v);
        }
        return Tensor.ofDoubles(out, ctx.input(0).shape(), y);
    }

    /** y = (x - zero_point) * scale in the scale's (or {@code output_dtype}'s) float type. */
    private static List<Tensor> dequantize(EvalContext ctx) {
        String op = ctx.op().name();
        Tensor x = ctx.input(0);
        Tensor scale = ctx.input(1);
        Tensor zp = ctx.input(2);
        if (!x.elementType().isIntegral() && !isQuantizedFloat(x.elementType())) {
            throw ctx.error("input type " + x.elementType().spelling() + " is not supported (only integer, float8 and float4 quantized types)");
        }
        long od = ctx.attrs().getInt("output_dtype", 0);
        ElementType out = od != 0 ? dataType(op, od) : scale.elementType();
        QuantLayout layout = QuantLayout.of(op, x.shape(), scale.shape(), ctx.attrs().getInt("axis", 1), ctx.attrs().getInt("block_size", 0));
        double[] xv = NnUtil.values(x);
        double[] sv = NnUtil.values(scale);
        double[] zv = zp == null ? null : NnUtil.values(zp);
        double[] y = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            int si = layout.index(i);
            double v = zv == null ? xv[i] : xv[i] - zv[zv.length == 1 ? 0 : si];
            y[i] = v * sv[si];
        }
        return List.of(Tensor.ofDoubles(out, x.shape(), y));
    }

    /**
     * u8 quantization with scale = (max(0, max x) - min(0, min x)) / 255 and zero point
     * saturate(rint(-min / scale)), all in float32 as the spec's function body.
     */
    private static List<Tensor> dynamicQuantize(EvalContext ctx) {
        Tensor x = ctx.input(0);
        double[] xv = NnUtil.values(x);
        double lo = 0;
        double hi = 0;
        for (double v : xv) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float scale = (float) ((float) (hi - lo) / 255.0);
        long zp = scale == 0 ? 0 : (long) Math.max(0, Math.min(255, Math.rint((float) (-lo / scale))));
        long[] q = new long[xv.length];
        for (int i = 0; i < xv.length; i++) {
            double v = scale == 0 ? zp : Math.rint((float) (xv[i] / scale)) + zp;
            q[i] = (long) Math.max(0, Math.min(255, v));
        }
        return List.of(Tensor.ofLongs(IntegerType.U8, x.shape(), q),
                Tensor.scalar(FloatType.F32, scale),
                Tensor.scalar(IntegerType.U8, zp));
    }

    /** The wider of two float types (numpy promotion; integers promote to f64). */
    static FloatType promote(ElementType a, ElementType b) {
        if (!(a instanceof FloatType fa) || !(b instanceof FloatType fb)) {
            return FloatType.F64;
        }
        if (fa == fb) {
            return fa;
        }
        if (fa == FloatType.F64 || fb == FloatType.F64) {
            return FloatType.F64;
        }
        return FloatType.F32;
    }

    /** The quantized type: the zero point's, else {@code output_dtype}, else u8; an integer, float8 or float4 type. */
    static ElementType quantizedType(String op, ElementType zpType, long outputDtype) {
        ElementType t = zpType != null ? zpType : outputDtype != 0 ? dataType(op, outputDtype) : IntegerType.U8;
        if (!(t instanceof IntegerType) && !isQuantizedFloat(t)) {
            throw new NncException(op + ": quantizing to " + t.spelling() + " is not supported (only integer, float8 and float4 types)");
        }
        return t;
    }

    /** The float8 and float4 types ONNX quantizes to (not E8M0, which is a scale type). */
    static boolean isQuantizedFloat(ElementType t) {
        return t instanceof FloatType ft && ft.mini() != null && ft != FloatType.F8E8M0FNU;
    }

    /** The element type of a TensorProto data type code, or an error naming the unsupported type. */
    static ElementType dataType(String op, long code) {
        if (code != (int) code) {
            throw new NncException(op + ": data type " + code + " is not an ONNX data type");
        }
        return dev.nnc.ir.onnx.OnnxDataType.toElementType((int) code).orElseThrow(
                () -> new NncException(op + ": data type " + dev.nnc.ir.onnx.OnnxDataType.name((int) code) + " is not supported"));
    }

    private static List<Type> inferQuantize(InferContext ctx) {
        Type zp = ctx.operandType(2);
        ElementType zt = zp == null || zp instanceof NoneType ? null : Infer.elementType(zp);
        if (zt != null && !(zt instanceof IntegerType) && !isQuantizedFloat(zt)) {
            // other zero point types: left unknown here, the semantics report them when run
            return Collections.singletonList(null);
        }
        ElementType out = quantizedType(ctx.op().name(), zt, ctx.attrs().getInt("output_dtype", 0));
        return List.of(withElement(ctx.operandType(0), out));
    }

    private static List<Type> inferDequantize(InferContext ctx) {
        long od = ctx.attrs().getInt("output_dtype", 0);
        ElementType out = od != 0 ? dataType(ctx.op().name(), od) : Infer.elementType(ctx.operandType(1));
        return Collections.singletonList(out == null ? null : withElement(ctx.operandType(0), out));
    }

    private static List<Type> inferDynamic(InferContext ctx) {
        return List.of(withElement(ctx.operandType(0), IntegerType.U8), TensorType.of(FloatType.F32), TensorType.of(IntegerType.U8));
    }

    private static List<Type> inferQLinearConv(InferContext ctx) {
        ElementType out = Infer.elementType(ctx.operandType(7));
        int[] x = NnUtil.shape(ctx.operandType(0));
        int[] w = NnUtil.shape(ctx.operandType(3));
        if (out == null || x == null || w == null || x.length != w.length || x.length < 3) {
            return Collections.singletonList(out == null ? null : TensorType.unranked(out));
        }
        String op = ctx.op().name();
        Window win = Window.of(op, ctx.attrs(), NnUtil.slice(x, 2, x.length), ConvolutionKernels.kernel(op, ctx.attrs(), w), false);
        return List.of(TensorType.of(out, ConvolutionKernels.outShape(x[0], w[0], win.out())));
    }

    private static List<Type> inferQLinearMatMul(InferContext ctx) {
        ElementType out = Infer.elementType(ctx.operandType(7));
        int[] a = NnUtil.shape(ctx.operandType(0));
        int[] b = NnUtil.shape(ctx.operandType(3));
        if (out == null || a == null || b == null) {
            return Collections.singletonList(out == null ? null : TensorType.unranked(out));
        }
        return List.of(TensorType.of(out, MatMulCore.plan(ctx.op().name(), a, b).outShape()));
    }

    /** t's shape with another element type (unranked when t is unknown). */
    static Type withElement(Type t, ElementType e) {
        return t instanceof TensorType tt ? tt.withElementType(e) : TensorType.unranked(e);
    }
}
