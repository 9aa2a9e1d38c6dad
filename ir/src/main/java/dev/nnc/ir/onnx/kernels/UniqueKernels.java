package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.type.Unsigned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code Unique}: the distinct elements (or slices along an axis) of a tensor, sorted or in order
 * of first occurrence, with first-occurrence indices, inverse indices and counts.
 */
public final class UniqueKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/unique.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Unique", ShapeVerifiers.axis("axis", 0, 0), UniqueKernels::infer, UniqueKernels::unique);
    }

    private static List<Type> infer(InferContext ctx) {
        ElementType e = ShapeArgs.element(ctx, 0);
        TensorType x = ShapeArgs.ranked(ctx, 0);
        List<Type> out = new ArrayList<>();
        Type vector = new TensorType(IntegerType.I64, List.of(Dim.symbol("")));
        if (e == null) {
            out.add(null);
        } else if (ctx.attrs().get("axis") == null) {
            out.add(new TensorType(e, List.of(Dim.symbol(""))));
        } else if (x != null) {
            int a = ShapeArgs.axisOrMinus1(ctx.attrs().getInt("axis"), x.rank());
            List<Dim> dims = new ArrayList<>(x.dims());
            if (a >= 0) {
                dims.set(a, Dim.symbol(""));
            }
            out.add(a < 0 ? null : new TensorType(e, dims));
        } else {
            out.add(TensorType.unranked(e));
        }
        for (int i = 1; i < ctx.op().numResults(); i++) {
            out.add(vector);
        }
        return out;
    }

    /** Compares two elements of a tensor's storage (NaN after numbers, u64 unsigned). */
    private static Comparator<Integer> elementOrder(Tensor x) {
        if (x.isDoubles()) {
            double[] v = x.doubles();
            return (a, b) -> v[a] == v[b] ? 0 : Double.compare(v[a], v[b]);
        }
        if (x.isLongs()) {
            long[] v = x.longs();
            boolean u64 = Unsigned.isU64(x.elementType());
            return (a, b) -> u64 ? Long.compareUnsigned(v[a], v[b]) : Long.compare(v[a], v[b]);
        }
        String[] v = x.strings();
        return (a, b) -> v[a].compareTo(v[b]);
    }

    /** The tensor seen as {@code n} slices [outer, ·, inner] along the axis, compared element by element in row-major order. */
    private record Slices(int outer, int n, int inner, Comparator<Integer> order) {
    }

    /** Runs of equal slices in sorted order: each group is {first slice, count}; {@code groupOf} maps a slice to its group. */
    private record Groups(List<int[]> groups, int[] groupOf) {
    }

    private static List<Tensor> unique(EvalContext ctx) {
        Tensor x = ctx.input(0);
        boolean flat = ctx.attrs().get("axis") == null;
        Tensor src = flat ? x.reshape(new int[] {x.size()}) : x;
        int[] s = src.shape();
        int axis = flat ? 0 : ShapeArgs.axis(ctx, ctx.attrs().getInt("axis"), s.length);
        Slices sl = slices(src, axis);
        int n = sl.n();
        Groups gr = group(sl);
        List<int[]> groups = gr.groups();
        int[] rank = ctx.attrs().getInt("sorted", 1) == 0 ? byFirstOccurrence(groups) : identity(groups.size());
        int u = groups.size();
        long[] first = new long[u];
        long[] counts = new long[u];
        for (int g = 0; g < u; g++) {
            first[g] = groups.get(g)[0];
            counts[g] = groups.get(g)[1];
        }
        long[] inverse = new long[n];
        for (int k = 0; k < n; k++) {
            inverse[k] = rank[gr.groupOf()[k]];
        }
        int[] ys = s.clone();
        ys[axis] = u;
        int inner = sl.inner();
        int[] idx = new int[sl.outer() * u * inner];
        for (int o = 0; o < sl.outer(); o++) {
            for (int g = 0; g < u; g++) {
                for (int i = 0; i < inner; i++) {
                    idx[(o * u + g) * inner + i] = (int) ((o * n + first[g]) * inner + i);
                }
            }
        }
        return List.of(TensorGather.gather(src, ys, idx),
                Tensor.ofLongs(IntegerType.I64, new int[] {u}, first),
                Tensor.ofLongs(IntegerType.I64, new int[] {n}, inverse),
                Tensor.ofLongs(IntegerType.I64, new int[] {u}, counts));
    }

    private static Slices slices(Tensor src, int axis) {
        int[] s = src.shape();
        int outer = (int) Shapes.size(Arrays.copyOf(s, axis));
        int inner = (int) Shapes.size(Arrays.copyOfRange(s, axis + 1, s.length));
        int n = s[axis];
        Comparator<Integer> elem = elementOrder(src);
        // Slice k holds the elements (o, k, i) for all o, i, compared in row-major order.
        Comparator<Integer> slices = (a, b) -> {
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int c = elem.compare((o * n + a) * inner + i, (o * n + b) * inner + i);
                    if (c != 0) {
                        return c;
                    }
                }
            }
            return 0;
        };
        return new Slices(outer, n, inner, slices);
    }

    private static Groups group(Slices sl) {
        int n = sl.n();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        order.sort(sl.order());
        List<int[]> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        for (int j = 0; j < n; j++) {
            int k = order.get(j);
            if (j == 0 || sl.order().compare(order.get(j - 1), k) != 0) {
                groups.add(new int[] {k, 0});
            }
            int[] g = groups.get(groups.size() - 1);
            g[1]++;
            groupOf[k] = groups.size() - 1;
        }
        return new Groups(groups, groupOf);
    }

    /** Reorders {@code groups} by first occurrence (sorted=0); returns each sorted group's new position. */
    private static int[] byFirstOccurrence(List<int[]> groups) {
        int[] rank = new int[groups.size()];
        List<Integer> byFirst = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            byFirst.add(g);
        }
        byFirst.sort(Comparator.comparingInt(g -> groups.get(g)[0]));
        List<int[]> reordered = new ArrayList<>();
        for (int j = 0; j < byFirst.size(); j++) {
            rank[byFirst.get(j)] = j;
            reordered.add(groups.get(byFirst.get(j)));
        }
        groups.clear();
        groups.addAll(reordered);
        return rank;
    }

    private static int[] identity(int n) {
        int[] rank = new int[n];
        for (int g = 0; g < n; g++) {
            rank[g] = g;
        }
        return rank;
    }
}
