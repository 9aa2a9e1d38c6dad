package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code LSTM}, {@code GRU} and {@code RNN}: inputs X, W, R and optional B, sequence_lens,
 * initial_h (and for LSTM initial_c, P); outputs Y, Y_h (and Y_c). Handles forward, reverse and
 * bidirectional runs, {@code layout} 0 (time-major) and 1 (batch-major), and per-row sequence
 * lengths: steps past a row's length leave its state alone and write zeros to Y; a reverse run
 * starts at the row's last valid step. Also {@code CausalConvWithState} (see {@link CausalConv}), the
 * convolutional state carrier of recent sequence models.
 */
public final class RecurrentKernels implements KernelFamily {
    /** What differs between the three ops. */
    private enum Kind {
        LSTM(4, List.of("Sigmoid", "Tanh", "Tanh")),
        GRU(3, List.of("Sigmoid", "Tanh")),
        RNN(1, List.of("Tanh"));

        final int gates;
        final List<String> activations;

        Kind(int gates, List<String> activations) {
            this.gates = gates;
            this.activations = activations;
        }
    }

    @Override
    public String table() {
        return "kernels/recurrent.tsv";
    }

    @Override
    public void register(KernelTable t) {
        for (Kind k : Kind.values()) {
            t.op(k.name(), ctx -> infer(ctx, k), ctx -> run(ctx, k));
        }
        t.op("CausalConvWithState", CausalConv::infer, CausalConv::run);
    }

    /** The checked sizes of one run: sequence, batch, input and hidden sizes, directions, layout. */
    private record Sizes(boolean batchMajor, int seq, int batch, int input, int dirs, int hs) {
    }

    /** The sequences: X, per-row lengths (null = all full) and initial states as [dirs, batch, H] (null = zeros). */
    private record Sequences(double[] xs, long[] lens, double[] h0, double[] c0) {
    }

    /** Y as [seq, dirs, batch, H], Y_h and Y_c as [dirs, batch, H], filled direction by direction. */
    private record Results(double[] y, double[] yh, double[] yc) {
    }

    private static List<Tensor> run(EvalContext ctx, Kind kind) {
        Sizes sz = sizes(ctx, kind);
        int dirs = sz.dirs();
        int batch = sz.batch();
        int hs = sz.hs();
        int g = kind.gates;
        double[] b = ctx.hasInput(3) ? ctx.input(3).toDoubles() : new double[dirs * 2 * g * hs];
        Sequences in = new Sequences(ctx.input(0).toDoubles(), ctx.hasInput(4) ? ctx.input(4).toLongs() : null,
                ctx.hasInput(5) ? stateIn(ctx.input(5).toDoubles(), sz.batchMajor(), dirs, batch, hs) : null,
                kind == Kind.LSTM && ctx.hasInput(6) ? stateIn(ctx.input(6).toDoubles(), sz.batchMajor(), dirs, batch, hs) : null);
        double[] p = kind == Kind.LSTM && ctx.hasInput(7) ? ctx.input(7).toDoubles() : null;
        DoubleUnaryOperator[][] acts = RnnActivations.resolve(ctx, dirs, kind.activations);
        String direction = ctx.attrs().getString("direction", "forward");
        Results out = new Results(new double[sz.seq() * dirs * batch * hs], new double[dirs * batch * hs],
                new double[dirs * batch * hs]);
        for (int d = 0; d < dirs; d++) {
            RecurrentCells.Cell cell = cell(ctx, kind, sz, d, b, p, acts[d]);
            sweep(sz, cell, d, d == 1 || direction.equals("reverse"), in, out);
        }
        return outputs(ctx.input(0).elementType(), kind, sz, out);
    }

    private static Sizes sizes(EvalContext ctx, Kind kind) {
        Tensor x = ctx.input(0);
        Tensor w = ctx.input(1);
        Tensor r = ctx.input(2);
        boolean batchMajor = ctx.attrs().getInt("layout", 0) != 0;
        if (x.rank() != 3 || w.rank() != 3 || r.rank() != 3) {
            throw ctx.error("X, W and R must have rank 3");
        }
        int input = x.dim(2);
        int dirs = directions(ctx);
        int hs = r.dim(2);
        int g = kind.gates;
        if (w.dim(0) != dirs || w.dim(1) != g * hs || w.dim(2) != input || r.dim(0) != dirs || r.dim(1) != g * hs) {
            throw ctx.error("W " + Arrays.toString(w.shape()) + " / R " + Arrays.toString(r.shape()) + " do not fit "
                    + dirs + " direction(s), hidden size " + hs + ", input size " + input);
        }
        return new Sizes(batchMajor, x.dim(batchMajor ? 1 : 0), x.dim(batchMajor ? 0 : 1), input, dirs, hs);
    }

    /** The cell of direction d: its slices of W, R, B (and LSTM peepholes P) with its activations. */
    private static RecurrentCells.Cell cell(EvalContext ctx, Kind kind, Sizes sz, int d, double[] b, double[] p,
            DoubleUnaryOperator[] acts) {
        int g = kind.gates;
        int hs = sz.hs();
        int input = sz.input();
        RecurrentCells.Weights wt = new RecurrentCells.Weights(
                slice(ctx.input(1).toDoubles(), d, g * hs * input), slice(ctx.input(2).toDoubles(), d, g * hs * hs),
                Arrays.copyOfRange(b, d * 2 * g * hs, d * 2 * g * hs + g * hs),
                Arrays.copyOfRange(b, d * 2 * g * hs + g * hs, (d + 1) * 2 * g * hs),
                p == null ? null : slice(p, d, 3 * hs), input, hs);
        return switch (kind) {
            case LSTM -> RecurrentCells.lstm(wt, acts, ctx.attrs().getInt("input_forget", 0) != 0);
            case GRU -> RecurrentCells.gru(wt, acts, ctx.attrs().getInt("linear_before_reset", 0) != 0);
            case RNN -> RecurrentCells.rnn(wt, acts);
        };
    }

    /** Runs direction d over every batch row, writing Y and the final states. */
    private static void sweep(Sizes sz, RecurrentCells.Cell cell, int d, boolean reverse, Sequences in, Results out) {
        int seq = sz.seq();
        int batch = sz.batch();
        int hs = sz.hs();
        int input = sz.input();
        double[] row = new double[input];
        for (int bi = 0; bi < batch; bi++) {
            int from = (d * batch + bi) * hs;
            double[] h = in.h0() == null ? new double[hs] : Arrays.copyOfRange(in.h0(), from, from + hs);
            double[] c = in.c0() == null ? new double[hs] : Arrays.copyOfRange(in.c0(), from, from + hs);
            int len = in.lens() == null ? seq : (int) Math.max(0, Math.min(seq, in.lens()[bi]));
            for (int s = 0; s < len; s++) {
                int t = reverse ? len - 1 - s : s;
                int at = sz.batchMajor() ? (bi * seq + t) * input : (t * batch + bi) * input;
                System.arraycopy(in.xs(), at, row, 0, input);
                cell.step(row, h, c);
                System.arraycopy(h, 0, out.y(), ((t * sz.dirs() + d) * batch + bi) * hs, hs);
            }
            System.arraycopy(h, 0, out.yh(), from, hs);
            System.arraycopy(c, 0, out.yc(), from, hs);
        }
    }

    /** Y, Y_h (and Y_c for LSTM) in the op's layout. */
    private static List<Tensor> outputs(ElementType et, Kind kind, Sizes sz, Results r) {
        int seq = sz.seq();
        int dirs = sz.dirs();
        int batch = sz.batch();
        int hs = sz.hs();
        List<Tensor> out = new ArrayList<>();
        if (sz.batchMajor()) {
            out.add(Tensor.ofDoubles(et, new int[] {batch, seq, dirs, hs}, yBatchMajor(r.y(), seq, dirs, batch, hs)));
            out.add(Tensor.ofDoubles(et, new int[] {batch, dirs, hs}, swap01(r.yh(), dirs, batch, hs)));
            out.add(Tensor.ofDoubles(et, new int[] {batch, dirs, hs}, swap01(r.yc(), dirs, batch, hs)));
        } else {
            out.add(Tensor.ofDoubles(et, new int[] {seq, dirs, batch, hs}, r.y()));
            out.add(Tensor.ofDoubles(et, new int[] {dirs, batch, hs}, r.yh()));
            out.add(Tensor.ofDoubles(et, new int[] {dirs, batch, hs}, r.yc()));
        }
        return kind == Kind.LSTM ? out : out.subList(0, 2);
    }

    private static int directions(EvalContext ctx) {
        String dir = ctx.attrs().getString("direction", "forward");
        return switch (dir) {
            case "forward", "reverse" -> 1;
            case "bidirectional" -> 2;
            default -> throw ctx.error("unknown direction '" + dir + "'");
        };
    }

    private static double[] slice(double[] a, int index, int len) {
        return Arrays.copyOfRange(a, index * len, (index + 1) * len);
    }

    /** An initial state as [dirs, batch, H], whichever layout it came in. */
    private static double[] stateIn(double[] v, boolean batchMajor, int dirs, int batch, int hs) {
        return batchMajor ? swap01(v, batch, dirs, hs) : v;
    }

    /** [a, b, n] to [b, a, n]. */
    private static double[] swap01(double[] v, int a, int b, int n) {
        double[] out = new double[v.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(v, (i * b + j) * n, out, (j * a + i) * n, n);
            }
        }
        return out;
    }

    /** Y from [seq, dirs, batch, H] to [batch, seq, dirs, H]. */
    private static double[] yBatchMajor(double[] y, int seq, int dirs, int batch, int hs) {
        double[] out = new double[y.length];
        for (int t = 0; t < seq; t++) {
            for (int d = 0; d < dirs; d++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(y, ((t * dirs + d) * batch + b) * hs, out, ((b * seq + t) * dirs + d) * hs, hs);
                }
            }
        }
        return out;
    }

    private static List<Type> infer(InferContext ctx, Kind kind) {
        int n = kind == Kind.LSTM ? 3 : 2;
        TensorType x = ConstOperands.ranked(ctx, 0);
        TensorType r = ConstOperands.ranked(ctx, 2);
        if (x == null || x.rank() != 3) {
            return Infer.unknown(n);
        }
        String dir = ctx.attrs().getString("direction", "forward");
        Dim dirs = Dim.of(dir.equals("bidirectional") ? 2 : 1);
        Dim hidden = ctx.attrs().get("hidden_size") != null ? Dim.of(ctx.attrs().getInt("hidden_size"))
                : r != null && r.rank() == 3 ? r.dims().get(2) : Dim.symbol("");
        boolean batchMajor = ctx.attrs().getInt("layout", 0) != 0;
        Dim seq = x.dims().get(batchMajor ? 1 : 0);
        Dim batch = x.dims().get(batchMajor ? 0 : 1);
        ElementType et = x.elementType();
        List<Type> out = new ArrayList<>();
        out.add(new TensorType(et, batchMajor ? List.of(batch, seq, dirs, hidden) : List.of(seq, dirs, batch, hidden)));
        TensorType state = new TensorType(et, batchMajor ? List.of(batch, dirs, hidden) : List.of(dirs, batch, hidden));
        for (int i = 1; i < n; i++) {
            out.add(state);
        }
        return out;
    }
}
