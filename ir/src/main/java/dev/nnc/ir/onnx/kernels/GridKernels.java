package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Spatial sampling: {@code AffineGrid} (a normalized [-1, 1] sampling grid moved by per-batch
 * affine matrices) and {@code GridSample} (N-D sampling of the input at grid points, nearest,
 * (bi)linear or (bi)cubic, with zeros, border or reflection padding), following the ONNX
 * reference (itself PyTorch's grid_sample).
 */
public final class GridKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/grid.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("AffineGrid", GridKernels::inferAffineGrid, ctx -> List.of(affineGrid(ctx)));
        t.op("GridSample", GridKernels::inferGridSample, ctx -> List.of(GridSample.run(ctx)));
    }

    private static Tensor affineGrid(EvalContext ctx) {
        Tensor theta = ctx.input(0);
        long[] size = ctx.input(1).toLongs();
        int nd = size.length - 2;
        if ((nd != 2 && nd != 3) || theta.rank() != 3 || theta.dim(1) != nd || theta.dim(2) != nd + 1 || theta.dim(0) != size[0]) {
            throw ctx.error("theta must be [N, 2, 3] with a 4-element size or [N, 3, 4] with a 5-element size");
        }
        boolean align = ctx.attrs().getInt("align_corners", 0) != 0;
        int[] whole = ShapeArgs.toShape(ctx, size);
        int n = whole[0];
        int[] spatial = Arrays.copyOfRange(whole, 2, whole.length);
        int[] outShape = new int[nd + 2];
        outShape[0] = n;
        System.arraycopy(spatial, 0, outShape, 1, nd);
        outShape[nd + 1] = nd;
        ShapeArgs.checkSize(ctx, outShape);
        int points = (int) Shapes.size(spatial);
        double[] th = theta.toDoubles();
        double[] out = new double[n * points * nd];
        int[] idx = new int[nd];
        double[] base = new double[nd + 1];
        for (int b = 0; b < n; b++) {
            java.util.Arrays.fill(idx, 0);
            for (int p = 0; p < points; p++) {
                // base point in (x, y[, z]) order: x runs along the last spatial axis
                for (int k = 0; k < nd; k++) {
                    int axis = nd - 1 - k;
                    base[k] = coordinate(idx[axis], spatial[axis], align);
                }
                base[nd] = 1;
                for (int r = 0; r < nd; r++) {
                    double s = 0;
                    for (int c = 0; c <= nd; c++) {
                        s += th[(b * nd + r) * (nd + 1) + c] * base[c];
                    }
                    out[(b * points + p) * nd + r] = s;
                }
                for (int d = nd - 1; d >= 0 && ++idx[d] == spatial[d]; d--) {
                    idx[d] = 0;
                }
            }
        }
        int[] shape = new int[nd + 2];
        shape[0] = n;
        System.arraycopy(spatial, 0, shape, 1, nd);
        shape[nd + 1] = nd;
        return Tensor.ofDoubles(theta.elementType(), shape, out);
    }

    /** Normalized coordinate of pixel i of len: pixel centers, or corners when aligned. */
    private static double coordinate(int i, int len, boolean align) {
        if (align) {
            return len == 1 ? -1 : -1 + 2.0 * i / (len - 1);
        }
        return (2.0 * i + 1) / len - 1;
    }

    private static List<Type> inferAffineGrid(InferContext ctx) {
        TensorType theta = ConstOperands.ranked(ctx, 0);
        Tensor size = ConstOperands.value(ctx, 1);
        if (theta == null || size == null || (size.size() != 4 && size.size() != 5)) {
            return Collections.singletonList(null);
        }
        long[] s = size.toLongs();
        List<Dim> dims = new ArrayList<>();
        dims.add(Dim.of(s[0]));
        for (int i = 2; i < s.length; i++) {
            dims.add(Dim.of(s[i]));
        }
        dims.add(Dim.of(s.length - 2));
        return List.of(new TensorType(theta.elementType(), dims));
    }

    private static List<Type> inferGridSample(InferContext ctx) {
        TensorType x = ConstOperands.ranked(ctx, 0);
        TensorType grid = ConstOperands.ranked(ctx, 1);
        if (x == null || grid == null || x.rank() != grid.rank() || x.rank() < 3) {
            return Collections.singletonList(null);
        }
        List<Dim> dims = new ArrayList<>(x.dims().subList(0, 2));
        dims.addAll(grid.dims().subList(1, grid.rank() - 1));
        return List.of(new TensorType(x.elementType(), dims));
    }
}
