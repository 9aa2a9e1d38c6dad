package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/** {@code Det}: determinants of the trailing [M, M] matrices, by LU with partial pivoting in double. */
public final class DeterminantKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/determinant.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Det", DeterminantKernels::infer, ctx -> List.of(det(ctx)));
    }

    private static Tensor det(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int r = x.rank();
        if (r < 2 || x.dim(r - 1) != x.dim(r - 2)) {
            throw ctx.error("input must end in a square matrix, got shape " + java.util.Arrays.toString(x.shape()));
        }
        int m = x.dim(r - 1);
        int count = x.size() / Math.max(1, m * m);
        double[] in = x.toDoubles();
        double[] out = new double[count];
        double[] a = new double[m * m];
        for (int c = 0; c < count; c++) {
            System.arraycopy(in, c * m * m, a, 0, m * m);
            out[c] = determinant(a, m);
        }
        return Tensor.ofDoubles(x.elementType(), java.util.Arrays.copyOf(x.shape(), r - 2), out);
    }

    /** Determinant of the m×m row-major matrix a (destroyed). */
    static double determinant(double[] a, int m) {
        double det = 1;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int row = col + 1; row < m; row++) {
                if (Math.abs(a[row * m + col]) > Math.abs(a[pivot * m + col])) {
                    pivot = row;
                }
            }
            if (a[pivot * m + col] == 0) {
                return 0;
            }
            if (pivot != col) {
                for (int k = 0; k < m; k++) {
                    double tmp = a[col * m + k];
                    a[col * m + k] = a[pivot * m + k];
                    a[pivot * m + k] = tmp;
                }
                det = -det;
            }
            double p = a[col * m + col];
            det *= p;
            for (int row = col + 1; row < m; row++) {
                double f = a[row * m + col] / p;
                for (int k = col; k < m; k++) {
                    a[row * m + k] -= f * a[col * m + k];
                }
            }
        }
        return det;
    }

    private static List<Type> infer(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        if (x == null || x.rank() < 2) {
            return Collections.singletonList(null);
        }
        return List.of(new TensorType(x.elementType(), x.dims().subList(0, x.rank() - 2)));
    }
}
