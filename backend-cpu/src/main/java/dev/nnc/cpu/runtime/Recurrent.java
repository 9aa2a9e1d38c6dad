package dev.nnc.cpu.runtime;

import java.util.Locale;

/**
 * ONNX {@code LSTM}, {@code GRU} and {@code RNN} for one op's static sizes, in double as the
 * interpreter computes: forward, reverse or bidirectional, time- or batch-major layout, per-row
 * sequence lengths (steps past a row's length leave its state and write zeros to Y; a reverse run
 * starts at the row's last valid step), initial states, LSTM peepholes, clip and input_forget, GRU
 * linear_before_reset. Gates in ONNX order: LSTM {@code i,o,f,c}, GRU {@code z,r,h}.
 */
public final class Recurrent {
    private final String kind;
    private final int gates;
    private final int dirs;
    private final int seq;
    private final int batch;
    private final int input;
    private final int hs;
    private final boolean batchMajor;
    private final boolean reverse;
    private final boolean coupled;
    private final int[] functions;
    private final double[] alphas;
    private final double[] betas;
    private final double clip;

    /**
     * {@code activations[d * per + k]} is direction d's k-th function (lower-case ONNX name) with its
     * resolved alpha and beta; {@code clip} NaN = none; {@code coupled} is LSTM's input_forget or
     * GRU's linear_before_reset.
     */
    public Recurrent(String kind, int dirs, int seq, int batch, int input, int hidden, boolean batchMajor, boolean reverse,
                     boolean coupled, String[] activations, double[] alphas, double[] betas, double clip) {
        this.kind = kind;
        this.gates = kind.equals("LSTM") ? 4 : kind.equals("GRU") ? 3 : 1;
        this.dirs = dirs;
        this.seq = seq;
        this.batch = batch;
        this.input = input;
        this.hs = hidden;
        this.batchMajor = batchMajor;
        this.reverse = reverse;
        this.coupled = coupled;
        this.functions = new int[activations.length];
        for (int i = 0; i < activations.length; i++) {
            functions[i] = code(activations[i]);
        }
        this.alphas = alphas;
        this.betas = betas;
        this.clip = clip;
    }

    /** Null arrays are absent operands or unused outputs. */
    public void run(Object x, Object w, Object r, Object b, Object seqLens, Object initialH, Object initialC, Object p,
                    Object y, Object yh, Object yc) {
        double[] xs = Elements.doubles(x);
        double[] wv = Elements.doubles(w);
        double[] rv = Elements.doubles(r);
        double[] bv = b == null ? new double[dirs * 2 * gates * hs] : Elements.doubles(b);
        double[] pv = p == null ? null : Elements.doubles(p);
        long[] lens = seqLens == null ? null : Elements.longs(seqLens);
        double[] h0 = initialH == null ? null : stateIn(Elements.doubles(initialH));
        double[] c0 = initialC == null ? null : stateIn(Elements.doubles(initialC));
        double[] yOut = new double[seq * dirs * batch * hs];
        double[] hOut = new double[dirs * batch * hs];
        double[] cOut = new double[dirs * batch * hs];
        int per = functions.length / dirs;
        double[] row = new double[input];
        double[] gx = new double[gates * hs];
        double[] gh = new double[gates * hs];
        double[] scratch = new double[3 * hs];
        for (int d = 0; d < dirs; d++) {
            boolean back = d == 1 || reverse;
            int wOff = d * gates * hs * input;
            int rOff = d * gates * hs * hs;
            int wbOff = d * 2 * gates * hs;
            int rbOff = wbOff + gates * hs;
            for (int bi = 0; bi < batch; bi++) {
                int from = (d * batch + bi) * hs;
                double[] h = new double[hs];
                double[] c = new double[hs];
                if (h0 != null) {
                    System.arraycopy(h0, from, h, 0, hs);
                }
                if (c0 != null) {
                    System.arraycopy(c0, from, c, 0, hs);
                }
                int len = lens == null ? seq : (int) Math.max(0, Math.min(seq, lens[bi]));
                for (int s = 0; s < len; s++) {
                    int t = back ? len - 1 - s : s;
                    int at = batchMajor ? (bi * seq + t) * input : (t * batch + bi) * input;
                    System.arraycopy(xs, at, row, 0, input);
                    matVec(wv, wOff, 0, gates * hs, input, row, bv, wbOff, gx);
                    int f = d * per;
                    switch (kind) {
                        case "LSTM" -> lstmStep(rv, rOff, bv, rbOff, pv, d, h, c, gx, gh, f);
                        case "GRU" -> gruStep(rv, rOff, bv, rbOff, h, gx, gh, scratch, f);
                        default -> {
                            matVec(rv, rOff, 0, hs, hs, h, bv, rbOff, gh);
                            for (int k = 0; k < hs; k++) {
                                h[k] = act(f, gx[k] + gh[k]);
                            }
                        }
                    }
                    System.arraycopy(h, 0, yOut, ((t * dirs + d) * batch + bi) * hs, hs);
                }
                System.arraycopy(h, 0, hOut, from, hs);
                System.arraycopy(c, 0, cOut, from, hs);
            }
        }
        if (y != null) {
            Elements.store(batchMajor ? yBatchMajor(yOut) : yOut, y);
        }
        if (yh != null) {
            Elements.store(batchMajor ? swap01(hOut, dirs, batch) : hOut, yh);
        }
        if (yc != null) {
            Elements.store(batchMajor ? swap01(cOut, dirs, batch) : cOut, yc);
        }
    }

    private void lstmStep(double[] rv, int rOff, double[] bv, int rbOff, double[] pv, int d, double[] h, double[] c,
                          double[] gx, double[] gh, int f) {
        matVec(rv, rOff, 0, 4 * hs, hs, h, bv, rbOff, gh);
        int pOff = d * 3 * hs;
        for (int k = 0; k < hs; k++) {
            double pi = pv == null ? 0 : pv[pOff + k];
            double po = pv == null ? 0 : pv[pOff + hs + k];
            double pf = pv == null ? 0 : pv[pOff + 2 * hs + k];
            double in = act(f, gx[k] + gh[k] + pi * c[k]);
            double forget = coupled ? 1 - in : act(f, gx[2 * hs + k] + gh[2 * hs + k] + pf * c[k]);
            double cand = act(f + 1, gx[3 * hs + k] + gh[3 * hs + k]);
            double cNew = forget * c[k] + in * cand;
            double out = act(f, gx[hs + k] + gh[hs + k] + po * cNew);
            c[k] = cNew;
            h[k] = out * act(f + 2, cNew);
        }
    }

    private void gruStep(double[] rv, int rOff, double[] bv, int rbOff, double[] h, double[] gx, double[] gh,
                         double[] scratch, int f) {
        matVec(rv, rOff, 0, 2 * hs, hs, h, bv, rbOff, gh);
        for (int k = 0; k < hs; k++) {
            scratch[k] = act(f, gx[k] + gh[k]); // z
            scratch[hs + k] = act(f, gx[hs + k] + gh[hs + k]); // r
        }
        if (coupled) { // linear_before_reset
            matVec(rv, rOff, 2 * hs, hs, hs, h, null, 0, gh);
            for (int k = 0; k < hs; k++) {
                gh[k] = scratch[hs + k] * (gh[k] + bv[rbOff + 2 * hs + k]);
            }
        } else {
            for (int k = 0; k < hs; k++) {
                scratch[2 * hs + k] = scratch[hs + k] * h[k];
            }
            double[] rh = java.util.Arrays.copyOfRange(scratch, 2 * hs, 3 * hs);
            matVec(rv, rOff, 2 * hs, hs, hs, rh, null, 0, gh);
            for (int k = 0; k < hs; k++) {
                gh[k] += bv[rbOff + 2 * hs + k];
            }
        }
        for (int k = 0; k < hs; k++) {
            double cand = act(f + 1, gx[2 * hs + k] + gh[k]);
            h[k] = (1 - scratch[k]) * cand + scratch[k] * h[k];
        }
    }

    /** {@code out[k] = bias[biasOff + row0 + k] + Σ_j m[mOff + (row0 + k) * cols + j] * v[j]}. */
    private static void matVec(double[] m, int mOff, int row0, int rows, int cols, double[] v, double[] bias,
                               int biasOff, double[] out) {
        for (int k = 0; k < rows; k++) {
            double s = bias == null ? 0 : bias[biasOff + row0 + k];
            int base = mOff + (row0 + k) * cols;
            for (int j = 0; j < cols; j++) {
                s += m[base + j] * v[j];
            }
            out[k] = s;
        }
    }

    private static final String[] NAMES = {"relu", "tanh", "sigmoid", "softsign", "softplus", "leakyrelu",
            "thresholdedrelu", "elu", "affine", "scaledtanh", "hardsigmoid"};

    private static int code(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown activation function '" + name + "'");
    }

    /** Activation number {@code i} (direction * functions-per-direction + slot) of {@code x}, after the clip. */
    private double act(int i, double x) {
        if (!Double.isNaN(clip)) {
            x = Math.max(-clip, Math.min(clip, x));
        }
        double a = alphas[i];
        double b = betas[i];
        return switch (functions[i]) {
            case 0 -> Math.max(x, 0);
            case 1 -> Math.tanh(x);
            case 2 -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case 3 -> x / (1 + Math.abs(x));
            case 4 -> Math.log1p(Math.exp(x));
            case 5 -> x >= 0 ? x : a * x;
            case 6 -> x > a ? x : 0;
            case 7 -> x >= 0 ? x : a * (Math.exp(x) - 1);
            case 8 -> a * x + b;
            case 9 -> a * Math.tanh(b * x);
            default -> Math.max(0, Math.min(1, a * x + b));
        };
    }

    /** An initial state as [dirs, batch, H], whichever layout it came in. */
    private double[] stateIn(double[] v) {
        return batchMajor ? swap01(v, batch, dirs) : v;
    }

    /** [a, b, H] to [b, a, H]. */
    private double[] swap01(double[] v, int a, int b) {
        double[] out = new double[v.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(v, (i * b + j) * hs, out, (j * a + i) * hs, hs);
            }
        }
        return out;
    }

    /** Y from [seq, dirs, batch, H] to [batch, seq, dirs, H]. */
    private double[] yBatchMajor(double[] y) {
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
}
