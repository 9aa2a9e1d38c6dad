package dev.nnc.ir.hw;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.kernel.Permutation;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import java.util.function.Consumer;

/**
 * Verifiers of the hw plumbing ops (source, sink, fifo, fork, dwc): stream types agree, every
 * stream has one user, a perm is a permutation and the lane count divides the frame.
 */
final class HwVerifiers {
    private HwVerifiers() {
    }

    static void source(Operation op, Consumer<String> error) {
        HwCheck c = new HwCheck(op, error);
        c.streamResultsHaveOneUse();
        boundary(c, c.staticTensor(op.operand(0), "operand"), c.resultStream(0));
    }

    static void sink(Operation op, Consumer<String> error) {
        HwCheck c = new HwCheck(op, error);
        boundary(c, c.staticTensor(op.result(0), "result"), c.operandStream(0));
    }

    /** A tensor ↔ stream boundary: same element type, a permutation of the tensor's dims, whole beats. */
    private static void boundary(HwCheck c, TensorType t, StreamType s) {
        if (t == null || s == null) {
            return;
        }
        if (!t.elementType().equals(s.element())) {
            c.error("tensor element type " + t.elementType().spelling() + " differs from the stream's " + s.element().spelling());
        }
        long[] perm = c.ints(HwDialect.PERM);
        if (perm != null && !isPermutation(perm, t.rank())) {
            c.error("'perm' " + HwCheck.shape(perm) + " is not a permutation of the " + t.rank() + " tensor dims");
        }
        c.divides(s.lanes(), "the stream's lane count", t.elementCount(), "the tensor's element count");
    }

    private static boolean isPermutation(long[] perm, int rank) {
        return perm.length == rank && Permutation.isPermutation(perm);
    }

    static void fifo(Operation op, Consumer<String> error) {
        HwCheck c = new HwCheck(op, error);
        c.streamResultsHaveOneUse();
        sameStream(c, 0);
        c.positive(HwDialect.DEPTH, 2);
    }

    static void fork(Operation op, Consumer<String> error) {
        HwCheck c = new HwCheck(op, error);
        c.streamResultsHaveOneUse();
        sameStream(c, 0);
        sameStream(c, 1);
    }

    /** Result {@code i} has exactly the operand's stream type. */
    private static void sameStream(HwCheck c, int i) {
        StreamType in = c.operandStream(0);
        StreamType out = c.resultStream(i);
        if (in != null && out != null && !in.equals(out)) {
            c.error("result #" + i + " type " + out + " differs from the operand's " + in);
        }
    }

    static void dwc(Operation op, Consumer<String> error) {
        HwCheck c = new HwCheck(op, error);
        c.streamResultsHaveOneUse();
        StreamType in = c.operandStream(0);
        StreamType out = c.resultStream(0);
        if (in == null || out == null) {
            return;
        }
        ElementType e = in.element();
        if (!e.equals(out.element())) {
            c.error("converts lanes, not elements: " + e.spelling() + " in, " + out.element().spelling() + " out");
        }
        if (in.lanes() % out.lanes() != 0 && out.lanes() % in.lanes() != 0) {
            c.error("one lane count must divide the other, got " + in.lanes() + " in and " + out.lanes() + " out");
        }
    }
}
