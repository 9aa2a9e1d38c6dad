package dev.nnc.passes.graph;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.passes.rewrite.PatternRewriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Transpose → Flatten (or a Reshape to [batch, K]) → Gemm/MatMul with constant weights: the
 * transpose only reorders the K features of each row, so it can be dropped if the weight rows
 * are reordered the same way. This removes the channels-last transpose in front of a Keras
 * export's dense layer.
 */
final class TransposeIntoWeights {
    private TransposeIntoWeights() {
    }

    static boolean rewrite(Operation flat, PatternRewriter rw) {
        Operation t = TransposePatterns.transposeOf(flat.operand(0), flat);
        Operation mm = Graph.singleUser(flat.result(0));
        int[] in = t == null ? null : Graph.shape(t.operand(0));
        int[] tout = t == null ? null : Graph.shape(t.result(0));
        int[] out = Graph.shape(flat.result(0));
        if (in == null || tout == null || out == null || out.length != 2 || mm == null || mm.operand(0) != flat.result(0)) {
            return false;
        }
        int axis = axis(flat, tout, out);
        long[] perm = Graph.perm(t);
        for (int i = 0; i < axis; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        boolean gemm = mm.name().equals("onnx.Gemm");
        if (axis < 0 || !(gemm || mm.name().equals("onnx.MatMul"))
                || (gemm && (flag(mm, "transA") || (mm.property("broadcast") instanceof Attribute.IntAttr b && b.value() != 0)))) {
            return false;
        }
        boolean transB = gemm && flag(mm, "transB");
        Tensor w = Graph.constant(mm.operand(1));
        int k = out[1];
        if (w == null || w.rank() != 2 || (transB ? w.dim(1) : w.dim(0)) != k || w.isStrings()) {
            return false;
        }
        if (flat.name().equals("onnx.Reshape")) {
            Tensor shape = flat.numOperands() > 1 ? Graph.constant(flat.operand(1)) : null;
            if (shape == null || Arrays.stream(shape.toLongs()).anyMatch(v -> v == 0)) {
                return false; // a 0 copies an input dim, which the transpose changes
            }
        }
        int[] rowOf = featureOrder(in, perm, axis);
        Tensor nw = permuteRows(w, rowOf, transB);
        Operation c = rw.create(Graph.CONSTANT, List.of(), List.of(nw.tensorType()),
                Map.of("value", new Attribute.DenseAttr(nw)), mm.location());
        c.result(0).setNameHint(mm.operand(1).nameHint());
        Operation nf = rw.create(flat.name(), flat.operands(), List.of(flat.result(0).type()), flat.properties(), flat.location());
        nf.setOperand(0, t.operand(0));
        nf.result(0).setNameHint(flat.result(0).nameHint());
        mm.setOperand(1, c.result(0));
        rw.replaceOp(flat, List.of(nf.result(0)));
        rw.eraseOp(t);
        rw.modifiedInPlace(mm);
        return true;
    }

    private static boolean flag(Operation op, String name) {
        return op.property(name) instanceof Attribute.IntAttr i && i.value() != 0;
    }

    /** The flatten axis: Flatten's attribute, or for a Reshape the split point that gives {@code out}; -1 if none. */
    private static int axis(Operation flat, int[] in, int[] out) {
        if (flat.name().equals("onnx.Flatten")) {
            long a = flat.property("axis") instanceof Attribute.IntAttr i ? i.value() : 1;
            return (int) (a < 0 ? a + in.length : a);
        }
        for (int a = 0; a <= in.length; a++) {
            if (Shapes.size(Arrays.copyOfRange(in, 0, a)) == out[0]) {
                return a;
            }
        }
        return -1;
    }

    /**
     * For feature k of a transposed row, the feature index k' of the same element in the
     * untransposed row (the axes from {@code axis} on, row-major).
     */
    static int[] featureOrder(int[] in, long[] perm, int axis) {
        int r = in.length;
        int[] tShape = new int[r - axis];
        int[] inInner = Arrays.copyOfRange(in, axis, r);
        for (int i = axis; i < r; i++) {
            tShape[i - axis] = in[(int) perm[i]];
        }
        int[] tStrides = Shapes.strides(tShape);
        int[] inStrides = Shapes.strides(inInner);
        int n = (int) Shapes.size(tShape);
        int[] map = new int[n];
        for (int kk = 0; kk < n; kk++) {
            int rem = kk;
            int src = 0;
            for (int i = 0; i < tShape.length; i++) {
                int idx = rem / tStrides[i];
                rem %= tStrides[i];
                src += idx * inStrides[(int) perm[i + axis] - axis];
            }
            map[kk] = src;
        }
        return map;
    }

    /** W' with row rowOf[k] = row k of W (columns when {@code transB}). */
    private static Tensor permuteRows(Tensor w, int[] rowOf, boolean transB) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        double[] dv = w.isDoubles() ? new double[w.size()] : null;
        long[] lv = w.isLongs() ? new long[w.size()] : null;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int src = i * cols + j;
                int dst = transB ? i * cols + rowOf[j] : rowOf[i] * cols + j;
                if (dv != null) {
                    dv[dst] = w.doubles()[src];
                } else {
                    lv[dst] = w.longs()[src];
                }
            }
        }
        return dv != null ? Tensor.ofDoubles(w.elementType(), w.shape(), dv) : Tensor.ofLongs(w.elementType(), w.shape(), lv);
    }
}
