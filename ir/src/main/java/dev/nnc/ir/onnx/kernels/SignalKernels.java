package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
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
        t.op("HannWindow", SignalKernels::inferGenerated, ctx -> List.of(window(ctx, Window.HANN)));
        t.op("HammingWindow", SignalKernels::inferGenerated, ctx -> List.of(window(ctx, Window.HAMMING)));
        t.op("BlackmanWindow", SignalKernels::inferGenerated, ctx -> List.of(window(ctx, Window.BLACKMAN)));
        t.op("MelWeightMatrix", SignalKernels::inferGenerated, ctx -> List.of(melWeights(ctx)));
        t.op("DFT", ctx -> Collections.singletonList(null), ctx -> List.of(Fourier.dft(ctx)));
        t.op("STFT", ctx -> Collections.singletonList(null), ctx -> List.of(Fourier.stft(ctx)));
    }

    private static ElementType outputType(EvalContext ctx) {
        int code = (int) ctx.attrs().getInt("output_datatype", 1);
        return OnnxDataType.toElementType(code)
                .orElseThrow(() -> ctx.error("unsupported output_datatype " + OnnxDataType.name(code)));
    }

    private static List<Type> inferGenerated(InferContext ctx) {
        int code = (int) ctx.attrs().getInt("output_datatype", 1);
        return Collections.singletonList(OnnxDataType.toElementType(code).map(e -> (Type) TensorType.unranked(e)).orElse(null));
    }

    private static Tensor window(EvalContext ctx, Window kind) {
        long size = ctx.input(0).getLong(0);
        if (size < 0) {
            throw ctx.error("window size " + size + " is negative");
        }
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
        int mels = (int) ctx.input(0).getLong(0);
        long dftLength = ctx.input(1).getLong(0);
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
