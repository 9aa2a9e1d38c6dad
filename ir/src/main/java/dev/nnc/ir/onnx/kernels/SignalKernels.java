package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * Signal processing: the {@code HannWindow}, {@code HammingWindow} and {@code BlackmanWindow}
 * generators (periodic: denominator N, symmetric: N-1), {@code MelWeightMatrix} (triangular
 * filters on integer FFT bins, as the ONNX reference builds them), {@code DFT} and {@code STFT}
 * (direct O(n²) transforms in double; the trailing axis holds [real] or [real, imaginary]).
 */
public final class SignalKernels implements KernelFamily {
    private enum Window { HANN, HAMMING, BLACKMAN }

    @Override
    public String table() {
        return "kernels/signal.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("HannWindow", SignalKernels::inferWindow, ctx -> List.of(window(ctx, Window.HANN)));
        t.op("HammingWindow", SignalKernels::inferWindow, ctx -> List.of(window(ctx, Window.HAMMING)));
        t.op("BlackmanWindow", SignalKernels::inferWindow, ctx -> List.of(window(ctx, Window.BLACKMAN)));
        t.op("MelWeightMatrix", SignalKernels::inferGenerated, ctx -> List.of(melWeights(ctx)));
        t.op("DFT", SignalKernels::inferDft, ctx -> List.of(Fourier.dft(ctx)));
        t.op("STFT", ctx -> Collections.singletonList(null), ctx -> List.of(Fourier.stft(ctx)));
    }

    private static ElementType outputType(EvalContext ctx) {
        int code = ctx.attrs().getInt32("output_datatype", 1);
        return OnnxDataType.toElementType(code)
                .orElseThrow(() -> ctx.error("unsupported output_datatype " + OnnxDataType.name(code)));
    }

    private static List<Type> inferGenerated(InferContext ctx) {
        int code = ctx.attrs().getInt32("output_datatype", 1);
        return Collections.singletonList(OnnxDataType.toElementType(code).map(e -> (Type) TensorType.unranked(e)).orElse(null));
    }

    private static List<Type> inferWindow(InferContext ctx) {
        List<Type> t = inferGenerated(ctx);
        Tensor size = ConstOperands.value(ctx, 0);
        if (t.get(0) instanceof TensorType tt && size != null && size.size() == 1) {
            return List.of(TensorType.of(tt.elementType(), size.getLong(0)));
        }
        return t;
    }

    /** DFT's result: the signal axis becomes the transform length (or half of it + 1), the last axis 2 (or 1). */
    private static List<Type> inferDft(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        if (x == null || x.rank() < 2) {
            return Collections.singletonList(null);
        }
        int r = x.rank();
        Long axisV = ctx.attrs().has("axis") ? Long.valueOf(ctx.attrs().getInt("axis")) : null;
        if (ConstOperands.present(ctx, 2)) {
            Tensor a = ConstOperands.value(ctx, 2);
            axisV = a == null ? null : a.getLong(0);
        } else if (axisV == null) {
            axisV = ctx.opset() >= 20 ? -2L : 1L;
        }
        if (axisV == null || axisV < -r || axisV >= r - 1 || (axisV < 0 && axisV + r >= r - 1)) {
            return Collections.singletonList(null);
        }
        int axis = (int) (axisV < 0 ? axisV + r : axisV);
        boolean inverse = ctx.attrs().getInt("inverse", 0) != 0;
        boolean onesided = ctx.attrs().getInt("onesided", 0) != 0;
        Dim n = x.dims().get(axis);
        Dim out = Dim.symbol("");
        Tensor len = ConstOperands.value(ctx, 1);
        Long l = len != null ? Long.valueOf(len.getLong(0)) : ConstOperands.present(ctx, 1) ? null
                : n instanceof Dim.Known k ? Long.valueOf(inverse && onesided ? 2 * (k.size() - 1) : k.size()) : null;
        if (l != null) {
            out = Dim.of(inverse && onesided ? l : onesided ? l / 2 + 1 : l);
        }
        List<Dim> dims = new java.util.ArrayList<>(x.dims());
        dims.set(axis, out);
        dims.set(r - 1, Dim.of(inverse && onesided ? 1 : 2));
        return List.of(new TensorType(x.elementType(), dims));
    }

    private static Tensor window(EvalContext ctx, Window kind) {
        long size = ctx.input(0).getLong(0);
        if (size < 0) {
            throw ctx.error("window size " + size + " is negative");
        }
        ShapeArgs.checkSize(ctx, new int[] {(int) Math.min(size, Integer.MAX_VALUE)});
        boolean periodic = ctx.attrs().getInt("periodic", 1) != 0;
        double denom = periodic ? size : size - 1;
        double[] w = new double[(int) size];
        for (int n = 0; n < size; n++) {
            double a = 2 * Math.PI * n / denom;
            w[n] = switch (kind) {
                case HANN -> 0.5 - 0.5 * Math.cos(a);
                case HAMMING -> 25.0 / 46 - (21.0 / 46) * Math.cos(a);
                case BLACKMAN -> 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
            };
        }
        return Numbers.of(outputType(ctx), new int[] {(int) size}, w);
    }

    private static Tensor melWeights(EvalContext ctx) {
        long melsRaw = ctx.input(0).getLong(0);
        long dftLength = ctx.input(1).getLong(0);
        if (melsRaw < 0 || dftLength < 0) {
            throw ctx.error("num_mel_bins " + melsRaw + " and dft_length " + dftLength + " must not be negative");
        }
        ShapeArgs.checkSize(ctx, new int[] {(int) Math.min(dftLength / 2 + 1, Integer.MAX_VALUE),
            (int) Math.min(melsRaw, Integer.MAX_VALUE - 2)});
        int mels = (int) melsRaw;
        long sampleRate = ctx.input(2).getLong(0);
        double lower = ctx.input(3).getDouble(0);
        double upper = ctx.input(4).getDouble(0);
        int bins = (int) (dftLength / 2 + 1);
        double lowMel = 2595 * Math.log10(1 + lower / 700);
        double highMel = 2595 * Math.log10(1 + upper / 700);
        double step = (highMel - lowMel) / (mels + 2);
        int[] edge = new int[mels + 2];
        for (int i = 0; i < edge.length; i++) {
            double hz = 700 * (Math.pow(10, (i * step + lowMel) / 2595) - 1);
            edge[i] = (int) Math.floor((dftLength + 1) * hz / sampleRate);
        }
        double[] out = new double[bins * mels];
        for (int i = 0; i < mels; i++) {
            int lo = edge[i];
            int center = edge[i + 1];
            int hi = edge[i + 2];
            if (center == lo) {
                set(ctx, out, bins, mels, center, i, 1);
            } else {
                for (int j = lo; j <= center; j++) {
                    set(ctx, out, bins, mels, j, i, (double) (j - lo) / (center - lo));
                }
            }
            for (int j = center; j < hi; j++) {
                set(ctx, out, bins, mels, j, i, (double) (hi - j) / (hi - center));
            }
        }
        return Numbers.of(outputType(ctx), new int[] {bins, mels}, out);
    }

    private static void set(EvalContext ctx, double[] out, int bins, int mels, int bin, int mel, double v) {
        if (bin < 0 || bin >= bins) {
            throw ctx.error("mel filter edge " + bin + " outside the " + bins + " spectrogram bins; check the edge frequencies");
        }
        out[bin * mels + mel] = v;
    }
}
