package dev.nnc.passes.kernel;

import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.Permutation;
import java.util.Arrays;

/**
 * What a q-level tensor (the "logical" tensor, NCHW with its batch of 1) has become during
 * lower-kernel: still a host tensor, or a stream. lower-kernel tracks the layout instead of moving
 * data, so transposes and reshapes cost nothing until an op needs a particular order.
 */
sealed interface Lowered {
    /** The logical (q-level) shape. */
    int[] logicalShape();

    /**
     * A host tensor (a q.quantize result) that has not been streamed yet: the logical tensor is
     * {@code transpose(host, perm)}, so a later to_stream can absorb transposes.
     */
    record Host(Value host, int[] perm, int[] logicalShape) implements Lowered {
    }

    /**
     * A kernel-level stream tensor. When {@code perm} is set, the stream is
     * {@code transpose(logical, perm)} without its leading batch dim. Otherwise the stream is a
     * vector whose element j is the logical tensor's flat element {@code order[j]}: a reshape whose
     * order differs from the stream's, which only a dense layer can absorb (by permuting its weight
     * columns); {@code reshapeOp} names the node for the error when something else consumes it.
     */
    record Stream(Value value, int[] logicalShape, int[] perm, int[] order, String reshapeOp) implements Lowered {
        /** For each stream position, the logical flat index it holds. */
        int[] flatOrder() {
            return perm != null ? Permutation.sourceIndex(logicalShape, perm) : order;
        }

        boolean inPerm(int[] wanted) {
            return perm != null && Arrays.equals(perm, wanted);
        }
    }

    /**
     * The stream order of a logical tensor of rank r: NCHW → HWC ([0, 2, 3, 1]), NCL → LC, and the
     * identity otherwise (NC → C). Dim 0 (the batch) comes first and is dropped by to_stream.
     */
    static int[] canonicalPerm(int rank) {
        int[] p = new int[rank];
        if (rank >= 3) {
            p[0] = 0;
            for (int i = 1; i < rank - 1; i++) {
                p[i] = i + 1;
            }
            p[rank - 1] = 1;
        } else {
            for (int i = 0; i < rank; i++) {
                p[i] = i;
            }
        }
        return p;
    }

    /** The stream shape of a logical tensor in layout perm: transposed, batch dropped. */
    static int[] streamShape(int[] logical, int[] perm) {
        int[] s = Permutation.permuteShape(logical, perm);
        return Arrays.copyOfRange(s, 1, s.length);
    }
}
