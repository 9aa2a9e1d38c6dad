package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that change only the shape, never the data order: {@code Reshape}, {@code Flatten},
 * {@code Squeeze}, {@code Unsqueeze}, and the shape queries {@code Shape} and {@code Size}.
 */
public final class ReshapeKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/reshape.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Reshape", ReshapeKernels::inferReshape, ctx -> List.of(reshape(ctx)));
        t.op("Flatten", ReshapeKernels::inferFlatten, ctx -> List.of(flatten(ctx)));
        t.op("Squeeze", ReshapeKernels::inferSqueeze, ctx -> List.of(squeeze(ctx)));
        t.op("Unsqueeze", ReshapeKernels::inferUnsqueeze, ctx -> List.of(unsqueeze(ctx)));
        t.op("Shape", ReshapeKernels::inferShape, ctx -> List.of(shape(ctx)));
        t.op("Size", ctx -> List.of(TensorType.of(IntegerType.I64)),
                ctx -> List.of(Tensor.scalar(IntegerType.I64, ctx.input(0).size())));
    }

    // ---- Reshape

    /**
     * The output shape of Reshape: 0 copies the input dimension (unless allowzero), -1 takes what
     * is left. Throws IllegalArgumentException with a user-facing message when impossible.
     */
    static int[] reshapeTarget(long[] spec, int[] in, boolean allowZero) {
        int[] out = new int[spec.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < spec.length; i++) {
            long s = spec[i];
            if (s == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("shape " + Arrays.toString(spec) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (s == 0 && !allowZero) {
                if (i >= in.length) {
                    throw new IllegalArgumentException("shape " + Arrays.toString(spec) + " copies dimension " + i + " of a rank-" + in.length + " input");
                }
                s = in[i];
            }
            if (s < 0 || s > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid dimension " + spec[i] + " in shape " + Arrays.toString(spec));
            }
            out[i] = (int) s;
            known *= s;
        }
        long total = Shapes.size(in);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(spec));
            }
            out[inferred] = (int) (total / known);
        } else if (known != total) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " (" + total + " elements) to " + Arrays.toString(spec));
        }
        return out;
    }

    private static Tensor reshape(EvalContext ctx) {
        long[] spec = ShapeArgs.attrOrInput(ctx, "shape", 1, 5);
        if (spec == null) {
            throw ctx.error("Reshape needs a shape");
        }
        Tensor x = ctx.input(0);
        try {
            return x.reshape(reshapeTarget(spec, x.shape(), ctx.attrs().getInt("allowzero", 0) != 0));
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
    }

    private static List<Type> inferReshape(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        long[] spec = ShapeArgs.attrOrConstant(ctx, "shape", 1, 5);
        if (x == null || spec == null) {
            int n = spec != null ? spec.length : ctx.opset() >= 5 ? ShapeArgs.length(ctx, 1) : -1;
            return ShapeArgs.one(ShapeArgs.ofRank(ShapeArgs.element(ctx, 0), n));
        }
        try {
            return List.of(TensorType.of(x.elementType(), reshapeTarget(spec, x.shape(), ctx.attrs().getInt("allowzero", 0) != 0)));
        } catch (IllegalArgumentException e) {
            return ShapeArgs.one(null);
        }
    }

    // ---- Flatten

    private static int flattenAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a < 0 || a > rank ? -1 : (int) a;
    }

    private static Tensor flatten(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.shape();
        int a = flattenAxis(ctx.attrs().getInt("axis", 1), s.length);
        if (a < 0) {
            throw ctx.error("axis " + ctx.attrs().getInt("axis", 1) + " out of range for rank " + s.length);
        }
        return x.reshape(new int[] {(int) Shapes.size(Arrays.copyOfRange(s, 0, a)),
                (int) Shapes.size(Arrays.copyOfRange(s, a, s.length))});
    }

    private static List<Type> inferFlatten(InferContext ctx) {
        TensorType x = ShapeArgs.fixed(ctx, 0);
        if (x == null) {
            return ShapeArgs.one(null);
        }
        int[] s = x.shape();
        int a = flattenAxis(ctx.attrs().getInt("axis", 1), s.length);
        if (a < 0) {
            return ShapeArgs.one(null);
        }
        return List.of(TensorType.of(x.elementType(), Shapes.size(Arrays.copyOfRange(s, 0, a)),
                Shapes.size(Arrays.copyOfRange(s, a, s.length))));
    }

    // ---- Squeeze / Unsqueeze

    private static Tensor squeeze(EvalContext ctx) {
        Tensor x = ctx.input(0);
        int[] s = x.shape();
        long[] axes = ShapeArgs.attrOrInput(ctx, "axes", 1, 13);
        boolean[] drop = new boolean[s.length];
        if (axes == null) {
            for (int d = 0; d < s.length; d++) {
                drop[d] = s[d] == 1;
            }
        } else {
            for (int a : ShapeArgs.axes(ctx, axes, s.length)) {
                if (s[a] != 1) {
                    throw ctx.error("cannot squeeze axis " + a + " of size " + s[a]);
                }
                drop[a] = true;
            }
        }
        int[] out = new int[s.length];
        int n = 0;
        for (int d = 0; d < s.length; d++) {
            if (!drop[d]) {
                out[n++] = s[d];
            }
        }
        return x.reshape(Arrays.copyOf(out, n));
    }

    private static List<Type> inferSqueeze(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        if (x == null) {
            return ShapeArgs.one(null);
        }
        boolean hasAxes = ctx.opset() >= 13 ? ShapeArgs.present(ctx, 1) : ctx.attrs().get("axes") != null;
        long[] axes = ShapeArgs.attrOrConstant(ctx, "axes", 1, 13);
        List<Dim> out = new ArrayList<>();
        int r = x.rank();
        if (!hasAxes) {
            for (Dim d : x.dims()) {
                if (d instanceof Dim.Symbolic) {
                    return ShapeArgs.one(null);
                }
                if (((Dim.Known) d).size() != 1) {
                    out.add(d);
                }
            }
            return List.of(new TensorType(x.elementType(), out));
        }
        if (axes == null) {
            return ShapeArgs.one(null);
        }
        boolean[] drop = new boolean[r];
        for (long a : axes) {
            int n = ShapeArgs.axisOrMinus1(a, r);
            if (n < 0) {
                return ShapeArgs.one(null);
            }
            drop[n] = true;
        }
        for (int d = 0; d < r; d++) {
            if (!drop[d]) {
                out.add(x.dims().get(d));
            }
        }
        return List.of(new TensorType(x.elementType(), out));
    }

    /** Which output axes Unsqueeze inserts, or null when the axes are invalid. */
    private static boolean[] inserted(long[] axes, int outRank) {
        boolean[] ins = new boolean[outRank];
        for (long a : axes) {
            int n = ShapeArgs.axisOrMinus1(a, outRank);
            if (n < 0 || ins[n]) {
                return null;
            }
            ins[n] = true;
        }
        return ins;
    }

    private static Tensor unsqueeze(EvalContext ctx) {
        Tensor x = ctx.input(0);
        long[] axes = ShapeArgs.attrOrInput(ctx, "axes", 1, 13);
        if (axes == null) {
            throw ctx.error("Unsqueeze needs axes");
        }
        int[] s = x.shape();
        int r = s.length + axes.length;
        boolean[] ins = inserted(axes, r);
        if (ins == null) {
            throw ctx.error("invalid axes " + Arrays.toString(axes) + " for output rank " + r);
        }
        int[] out = new int[r];
        int k = 0;
        for (int d = 0; d < r; d++) {
            out[d] = ins[d] ? 1 : s[k++];
        }
        return x.reshape(out);
    }

    private static List<Type> inferUnsqueeze(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        long[] axes = ShapeArgs.attrOrConstant(ctx, "axes", 1, 13);
        if (x == null || axes == null) {
            int n = ShapeArgs.length(ctx, 1);
            return ShapeArgs.one(x == null || n < 0 ? null : ShapeArgs.ofRank(x.elementType(), x.rank() + n));
        }
        int r = x.rank() + axes.length;
        boolean[] ins = inserted(axes, r);
        if (ins == null) {
            return ShapeArgs.one(null);
        }
        List<Dim> out = new ArrayList<>();
        int k = 0;
        for (int d = 0; d < r; d++) {
            out.add(ins[d] ? Dim.of(1) : x.dims().get(k++));
        }
        return List.of(new TensorType(x.elementType(), out));
    }

    // ---- Shape

    /** [start, end) of Shape's slice of the dimensions, clamped as the spec says. */
    private static int[] shapeRange(long start, long end, int rank) {
        long s = start < 0 ? start + rank : start;
        long e = end < 0 ? end + rank : end;
        s = Math.max(0, Math.min(rank, s));
        e = Math.max(0, Math.min(rank, e));
        return new int[] {(int) s, (int) Math.max(s, e)};
    }

    private static Tensor shape(EvalContext ctx) {
        int[] s = ctx.input(0).shape();
        int[] range = shapeRange(ctx.attrs().getInt("start", 0), ctx.attrs().getInt("end", Long.MAX_VALUE), s.length);
        long[] v = new long[range[1] - range[0]];
        for (int i = 0; i < v.length; i++) {
            v[i] = s[range[0] + i];
        }
        return Tensor.ofLongs(IntegerType.I64, new int[] {v.length}, v);
    }

    private static List<Type> inferShape(InferContext ctx) {
        TensorType x = ShapeArgs.ranked(ctx, 0);
        if (x == null) {
            return List.of(new TensorType(IntegerType.I64, List.of(Dim.symbol(""))));
        }
        int[] range = shapeRange(ctx.attrs().getInt("start", 0), ctx.attrs().getInt("end", Long.MAX_VALUE), x.rank());
        return List.of(TensorType.of(IntegerType.I64, range[1] - range[0]));
    }
}
