package dev.nnc.ir.onnx.kernels;

import java.util.function.DoubleUnaryOperator;

/**
 * One time step of the ONNX recurrent cells, for one batch row, in double. Weights are one
 * direction's slices in ONNX order: LSTM gates {@code i,o,f,c}, GRU gates {@code z,r,h}.
 */
final class RecurrentCells {
    private RecurrentCells() {
    }

    /** One direction's weights: W [gates*H, I], R [gates*H, H], biases [gates*H], peepholes [3H] or null. */
    record Weights(double[] w, double[] r, double[] wb, double[] rb, double[] p, int input, int hidden) {
    }

    /** Advances the state (h, and c for LSTM) by one input row, in place. */
    interface Cell {
        void step(double[] x, double[] h, double[] c);
    }

    /** {@code out[k] = bias[k] + sum_j m[(row0 + k) * cols + j] * v[j]} for k in [0, rows). */
    static void matVec(double[] m, int row0, int rows, int cols, double[] v, double[] bias, double[] out) {
        for (int k = 0; k < rows; k++) {
            double s = bias == null ? 0 : bias[row0 + k];
            int base = (row0 + k) * cols;
            for (int j = 0; j < cols; j++) {
                s += m[base + j] * v[j];
            }
            out[k] = s;
        }
    }

    /** LSTM with activations f, g, h; {@code inputForget} couples the forget gate to 1 - input gate. */
    static Cell lstm(Weights wt, DoubleUnaryOperator[] act, boolean inputForget) {
        int hs = wt.hidden();
        double[] gx = new double[4 * hs];
        double[] gh = new double[4 * hs];
        DoubleUnaryOperator f = act[0];
        DoubleUnaryOperator g = act[1];
        DoubleUnaryOperator h = act[2];
        return (x, hPrev, c) -> {
            matVec(wt.w(), 0, 4 * hs, wt.input(), x, wt.wb(), gx);
            matVec(wt.r(), 0, 4 * hs, hs, hPrev, wt.rb(), gh);
            for (int k = 0; k < hs; k++) {
                double pi = wt.p() == null ? 0 : wt.p()[k];
                double po = wt.p() == null ? 0 : wt.p()[hs + k];
                double pf = wt.p() == null ? 0 : wt.p()[2 * hs + k];
                double in = f.applyAsDouble(gx[k] + gh[k] + pi * c[k]);
                double forget = inputForget ? 1 - in : f.applyAsDouble(gx[2 * hs + k] + gh[2 * hs + k] + pf * c[k]);
                double cand = g.applyAsDouble(gx[3 * hs + k] + gh[3 * hs + k]);
                double cNew = forget * c[k] + in * cand;
                double out = f.applyAsDouble(gx[hs + k] + gh[hs + k] + po * cNew);
                c[k] = cNew;
                hPrev[k] = out * h.applyAsDouble(cNew);
            }
        };
    }

    /** GRU with activations f, g; {@code linearBeforeReset} applies the reset gate after R_h. */
    static Cell gru(Weights wt, DoubleUnaryOperator[] act, boolean linearBeforeReset) {
        int hs = wt.hidden();
        double[] gx = new double[3 * hs];
        double[] gh = new double[3 * hs];
        double[] rh = new double[hs];
        double[] z = new double[hs];
        double[] r = new double[hs];
        DoubleUnaryOperator f = act[0];
        DoubleUnaryOperator g = act[1];
        return (x, hPrev, c) -> {
            matVec(wt.w(), 0, 3 * hs, wt.input(), x, wt.wb(), gx);
            matVec(wt.r(), 0, 2 * hs, hs, hPrev, wt.rb(), gh);
            for (int k = 0; k < hs; k++) {
                z[k] = f.applyAsDouble(gx[k] + gh[k]);
                r[k] = f.applyAsDouble(gx[hs + k] + gh[hs + k]);
            }
            if (linearBeforeReset) {
                matVec(wt.r(), 2 * hs, hs, hs, hPrev, null, gh);
                for (int k = 0; k < hs; k++) {
                    gh[k] = r[k] * (gh[k] + wt.rb()[2 * hs + k]);
                }
            } else {
                for (int k = 0; k < hs; k++) {
                    rh[k] = r[k] * hPrev[k];
                }
                matVec(wt.r(), 2 * hs, hs, hs, rh, null, gh);
                for (int k = 0; k < hs; k++) {
                    gh[k] += wt.rb()[2 * hs + k];
                }
            }
            for (int k = 0; k < hs; k++) {
                double cand = g.applyAsDouble(gx[2 * hs + k] + gh[k]);
                hPrev[k] = (1 - z[k]) * cand + z[k] * hPrev[k];
            }
        };
    }

    /** Plain RNN: {@code h = f(W x + R h + Wb + Rb)}. */
    static Cell rnn(Weights wt, DoubleUnaryOperator[] act) {
        int hs = wt.hidden();
        double[] gx = new double[hs];
        double[] gh = new double[hs];
        return (x, hPrev, c) -> {
            matVec(wt.w(), 0, hs, wt.input(), x, wt.wb(), gx);
            matVec(wt.r(), 0, hs, hs, hPrev, wt.rb(), gh);
            for (int k = 0; k < hs; k++) {
                hPrev[k] = act[0].applyAsDouble(gx[k] + gh[k]);
            }
        };
    }
}
