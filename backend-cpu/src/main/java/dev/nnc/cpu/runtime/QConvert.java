package dev.nnc.cpu.runtime;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedSoftmax;
import dev.nnc.ir.fixed.LookupTable;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.type.FixedType;

/**
 * Fixed-point format changes that are more than one expression per element: per-channel
 * requantisation ({@code q.requantize} with multipliers and shifts) and the softmax by two lookup
 * tables ({@code q.softmax}). Both apply the rules of {@code dev.nnc.ir.fixed} in the order the
 * interpreter does; element-wise casts, per-tensor requantisation, quantize and dequantize are
 * generated inline as calls of those rules.
 */
public final class QConvert {
    private QConvert() {
    }

    /** y[i] = rs[(i / inner) % rs.length].apply(x[i]): one requantizer per index along the channel axis. */
    public static void requantize(Object x, FixedType from, Object y, FixedType to, Requantizer[] rs, int inner, int size) {
        QRequantizer[] bound = new QRequantizer[rs.length];
        for (int c = 0; c < rs.length; c++) {
            bound[c] = new QRequantizer(rs[c], from, to);
        }
        for (int i = 0; i < size; i++) {
            QArrays.set(y, i, bound[(i / inner) % rs.length].apply(QArrays.get(x, i)));
        }
    }

    /**
     * Softmax of every row of {@code n} raws, the steps of {@link FixedSoftmax#apply}: max, exact
     * differences, exp table, exact sum, cast to the reciprocal's input type, reciprocal table,
     * exact products cast to the result type. {@code expTable} and {@code recipTable} are the
     * tables' contents (computed once, in the generated class's static initialiser).
     */
    public static void softmax(FixedSoftmax s, long[] expTable, long[] recipTable, Object x, Object y, int size, int n) {
        if (n == 0) {
            return;
        }
        LookupTable exp = s.exp();
        LookupTable recip = s.recip();
        FixedType sum = s.sumType(n);
        FixedType product = s.productType();
        long[] e = new long[n];
        for (int off = 0; off + n <= size; off += n) {
            long m = QArrays.get(x, off);
            for (int i = 1; i < n; i++) {
                m = Math.max(m, QArrays.get(x, off + i));
            }
            long total = 0;
            for (int i = 0; i < n; i++) {
                e[i] = expTable[exp.index(QArrays.get(x, off + i) - m)];
                total += e[i];
            }
            long t = FixedCast.cast(total, sum, s.recipIn(), CastMode.DEFAULT);
            long r = recipTable[recip.index(t)];
            for (int i = 0; i < n; i++) {
                QArrays.set(y, off + i, FixedCast.cast(e[i] * r, product, s.output(), CastMode.DEFAULT));
            }
        }
    }
}
