package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Loop;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop nest of an element-wise op with numpy broadcasting: output dims of size 1 are dropped
 * and adjacent dims merged wherever every operand is contiguous across them (so equal shapes give
 * one loop, a per-channel bias two); each operand gets an index expression over the loop
 * variables with stride 0 along its broadcast dims.
 */
record BroadcastLoops(List<Loop> loops, List<String> operandIndex, String outIndex) {

    /** The loop nest over some operands, and each operand's element as a leaf of the loop body's expression. */
    record Operands(BroadcastLoops plan, List<Object> leaves) {
    }

    /**
     * Reads {@code data} (arrays of any {@link dev.nnc.cpu.Dtype}; a value deferred into an
     * element-wise chain is refused) and plans the loop nest of {@code op}'s first result over them.
     */
    static Operands read(Operation op, List<Value> data, LoweringContext ctx) {
        List<int[]> shapes = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Value v : data) {
            if (ctx.pending(v) != null) {
                throw ctx.unsupported(op, "operand fused into an element-wise chain");
            }
            ctx.dtype(v, op);
            arrays.add(ctx.readTyped(v, op));
            shapes.add(ctx.shape(v));
        }
        BroadcastLoops plan = plan(ctx.shape(op.result(0)), shapes);
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            leaves.add(new JavaModel.Leaf(arrays.get(i), plan.operandIndex().get(i)));
        }
        return new Operands(plan, leaves);
    }

    static BroadcastLoops plan(int[] out, List<int[]> operands) {
        int rank = out.length;
        int n = operands.size();
        List<Integer> dims = new ArrayList<>();
        List<long[]> strides = new ArrayList<>(); // per kept dim: stride of each operand, then of the output
        long[] outStrides = contiguous(out);
        long[][] opStrides = new long[n][];
        for (int k = 0; k < n; k++) {
            opStrides[k] = aligned(operands.get(k), rank);
        }
        for (int d = 0; d < rank; d++) {
            if (out[d] == 1) {
                continue;
            }
            long[] s = new long[n + 1];
            for (int k = 0; k < n; k++) {
                s[k] = opStrides[k][d];
            }
            s[n] = outStrides[d];
            int last = dims.size() - 1;
            if (last >= 0 && mergeable(strides.get(last), s, out[d])) {
                dims.set(last, dims.get(last) * out[d]);
                strides.set(last, s);
            } else {
                dims.add(out[d]);
                strides.add(s);
            }
        }
        if (dims.isEmpty()) {
            dims.add(1);
            strides.add(new long[n + 1]);
        }
        List<Loop> loops = new ArrayList<>();
        String[] vars = new String[dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            vars[i] = dims.size() == 1 ? "i" : "i" + i;
            loops.add(new Loop(vars[i], dims.get(i)));
        }
        List<String> idx = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            idx.add(index(vars, strides, k));
        }
        return new BroadcastLoops(loops, idx, index(vars, strides, n));
    }

    /** Dims d-1 and d merge when, for every array, stride(d-1) == stride(d) * size(d). */
    private static boolean mergeable(long[] prev, long[] cur, int size) {
        for (int k = 0; k < cur.length; k++) {
            if (prev[k] != cur[k] * size) {
                return false;
            }
        }
        return true;
    }

    private static long[] contiguous(int[] shape) {
        return java.util.Arrays.stream(Shapes.strides(shape)).asLongStream().toArray();
    }

    /** Strides of an operand right-aligned to {@code rank} dims, 0 where it is broadcast. */
    private static long[] aligned(int[] shape, int rank) {
        long[] own = contiguous(shape);
        long[] s = new long[rank];
        for (int d = 0; d < shape.length; d++) {
            s[rank - shape.length + d] = shape[d] == 1 ? 0 : own[d];
        }
        return s;
    }

    private static String index(String[] vars, List<long[]> strides, int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < vars.length; i++) {
            long s = strides.get(i)[k];
            if (s == 0) {
                continue;
            }
            b.append(b.length() == 0 ? "" : " + ").append(vars[i]).append(s == 1 ? "" : " * " + s);
        }
        return b.length() == 0 ? "0" : b.toString();
    }
}
