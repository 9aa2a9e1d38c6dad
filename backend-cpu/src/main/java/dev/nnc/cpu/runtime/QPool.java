package dev.nnc.cpu.runtime;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.type.FixedType;

/**
 * Pooling on fixed-point raws, as the interpreter defines it: MaxPool compares raws (padding is
 * ignored) and casts to the declared type; AveragePool and GlobalAveragePool take the exact sum of
 * the window (padding counts as zeros) and requantise it by 1/taps with the requantizer of
 * {@code FixedAverage}, rounded once.
 */
public final class QPool {
    private QPool() {
    }

    /** Max over each window of {@code planes} planes; the raw of type {@code in} cast to {@code out} when they differ. */
    public static void max(Window3 win, int planes, Object x, FixedType in, Object y, FixedType out, Parallel par) {
        boolean same = in.equals(out);
        windows(win, planes, x, true, par, (yi, best) ->
                QArrays.set(y, yi, same ? best : FixedCast.cast(best, in, out, CastMode.DEFAULT)));
    }

    /**
     * Mean of each window: the exact sum (of type {@code sum}, padding taps count as 0) times
     * the requantizer {@code r} into {@code out}.
     */
    public static void average(Window3 win, int planes, Object x, Object y, Requantizer r, FixedType sum, FixedType out,
                               Parallel par) {
        windows(win, planes, x, false, par, (yi, acc) -> QArrays.set(y, yi, r.apply(acc, sum, out)));
    }

    /** Where a window's result goes: output index {@code yi} (plane included) and the folded raw. */
    private interface Store {
        void at(int yi, long value);
    }

    /**
     * Folds the raws inside each window of each plane, the maximum ({@code max}; Long.MIN_VALUE for
     * a window with no cell inside the input) or the sum, and hands each result to {@code store}.
     */
    private static void windows(Window3 win, int planes, Object x, boolean max, Parallel par, Store store) {
        int inSp = win.inSize();
        int outSp = win.outSize();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        int[] is = win.in();
        int[] os = win.out();
        par.forRange(planes, (long) outSp * win.kernelSize(), (from, to) -> {
            for (int c = from; c < to; c++) {
                int xo = c * inSp;
                int yi = c * outSp;
                for (int o0 = 0; o0 < os[0]; o0++) {
                    for (int o1 = 0; o1 < os[1]; o1++) {
                        for (int o2 = 0; o2 < os[2]; o2++, yi++) {
                            long acc = max ? Long.MIN_VALUE : 0;
                            for (int k0 = 0; k0 < k[0]; k0++) {
                                int i0 = o0 * s[0] - p[0] + k0 * d[0];
                                if (i0 < 0 || i0 >= is[0]) {
                                    continue;
                                }
                                for (int k1 = 0; k1 < k[1]; k1++) {
                                    int i1 = o1 * s[1] - p[1] + k1 * d[1];
                                    if (i1 < 0 || i1 >= is[1]) {
                                        continue;
                                    }
                                    int row = xo + (i0 * is[1] + i1) * is[2];
                                    for (int k2 = 0; k2 < k[2]; k2++) {
                                        int i2 = o2 * s[2] - p[2] + k2 * d[2];
                                        if (i2 >= 0 && i2 < is[2]) {
                                            long v = QArrays.get(x, row + i2);
                                            acc = max ? Math.max(acc, v) : acc + v;
                                        }
                                    }
                                }
                            }
                            store.at(yi, acc);
                        }
                    }
                }
            }
        });
    }

    /** Mean of each of {@code planes} planes of {@code spatial} raws (GlobalAveragePool). */
    public static void globalAverage(int planes, int spatial, Object x, Object y, Requantizer r, FixedType sum,
                                     FixedType out) {
        for (int c = 0; c < planes; c++) {
            long acc = 0;
            for (int i = 0; i < spatial; i++) {
                acc += QArrays.get(x, c * spatial + i);
            }
            QArrays.set(y, c, r.apply(acc, sum, out));
        }
    }
}
