package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Control flow whose bodies are regions: {@code If} (regions then, else), {@code Loop} and
 * {@code Scan} (region body). Body regions read outer values directly; the interpreter runs them
 * through {@link EvalContext#runRegion}.
 */
public final class ControlFlowKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/controlflow.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("If", ctx -> BodyTypes.fillUnknown(inferIf(ctx), ctx, 0), ControlFlowKernels::ifOp);
        t.op("Loop", ctx -> BodyTypes.fillUnknown(inferLoop(ctx), ctx, 1), ControlFlowKernels::loop);
        t.op("Scan", ctx -> BodyTypes.fromBody(ctx, 0), ControlFlowKernels::scan);
    }

    /** Each result has the type both branches yield, where they agree (see {@link #join}). */
    private static List<Type> inferIf(InferContext ctx) {
        List<Type> out = Infer.unknown(ctx.op().numResults());
        List<Type> a = yieldTypes(ctx.op(), 0);
        List<Type> b = yieldTypes(ctx.op(), 1);
        for (int i = 0; a != null && b != null && i < out.size() && i < a.size() && i < b.size(); i++) {
            out.set(i, join(a.get(i), b.get(i)));
        }
        return out;
    }

    /** A carried result has the type of its initial value, where the body yields the same (scan outputs stay unknown). */
    private static List<Type> inferLoop(InferContext ctx) {
        List<Type> out = Infer.unknown(ctx.op().numResults());
        List<Type> body = yieldTypes(ctx.op(), 0);
        int carried = ctx.operandTypes().size() - 2;
        for (int k = 0; body != null && k < carried && k < out.size() && 1 + k < body.size(); k++) {
            out.set(k, join(ctx.operandType(2 + k), body.get(1 + k)));
        }
        return out;
    }

    /** The types region {@code r}'s terminator yields, or null before the region is built. */
    private static List<Type> yieldTypes(Operation op, int r) {
        if (op.regions().size() <= r || op.region(r).blocks().isEmpty() || op.region(r).entry().terminator() == null) {
            return null;
        }
        return op.region(r).entry().terminator().operands().stream().map(Value::type).toList();
    }

    /**
     * The type two values share: equal types as they are, tensors that differ only in shape as an
     * unranked tensor, sequences of such tensors likewise; null when they have nothing in common.
     */
    private static Type join(Type a, Type b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof TensorType x && b instanceof TensorType y && x.elementType().equals(y.elementType())) {
            return TensorType.unranked(x.elementType());
        }
        if (a instanceof SequenceType x && b instanceof SequenceType y) {
            Type e = join(x.element(), y.element());
            return e == null ? null : new SequenceType(e);
        }
        return null;
    }

    private static List<RuntimeValue> ifOp(EvalContext ctx) {
        Tensor cond = ctx.input(0);
        if (cond.size() != 1) {
            throw ctx.error("condition must hold one element, got shape " + java.util.Arrays.toString(cond.shape()));
        }
        return ctx.runRegion(cond.getLong(0) != 0 ? 0 : 1, List.of());
    }

    private static List<RuntimeValue> loop(EvalContext ctx) {
        long maxTrips = ctx.hasInput(0) ? ctx.input(0).getLong(0) : Long.MAX_VALUE;
        boolean cond = !ctx.hasInput(1) || ctx.input(1).getLong(0) != 0;
        List<RuntimeValue> carried = new ArrayList<>(ctx.values().subList(2, ctx.numInputs()));
        int nCarried = carried.size();
        int nScan = ctx.numOutputs() - nCarried;
        List<List<Tensor>> scans = new ArrayList<>();
        for (int k = 0; k < nScan; k++) {
            scans.add(new ArrayList<>());
        }
        for (long i = 0; i < maxTrips && cond; i++) {
            List<RuntimeValue> args = new ArrayList<>();
            args.add(Tensor.scalar(IntegerType.I64, i));
            args.add(Tensor.ofLongs(BoolType.I1, new int[0], new long[] {1}));
            args.addAll(carried);
            List<RuntimeValue> out = ctx.runRegion(0, args);
            cond = tensor(ctx, out.get(0), "the loop condition").getLong(0) != 0;
            carried = new ArrayList<>(out.subList(1, 1 + nCarried));
            for (int k = 0; k < nScan; k++) {
                scans.get(k).add(tensor(ctx, out.get(1 + nCarried + k), "scan output " + k));
            }
        }
        List<RuntimeValue> results = new ArrayList<>(carried);
        for (int k = 0; k < nScan; k++) {
            results.add(Stacking.stack(scans.get(k), ctx.outputType(nCarried + k)));
        }
        return results;
    }

    private static List<Tensor> scan(EvalContext ctx) {
        if (ctx.opset() < 9) {
            throw ctx.error("Scan before opset 9 (batched form) is not supported; re-export with opset >= 9");
        }
        int nScanIn = ctx.attrs().getInt32("num_scan_inputs");
        int nState = ctx.numInputs() - nScanIn;
        long[] inDirs = ctx.attrs().getInts("scan_input_directions", new long[nScanIn]);
        long[] inAxes = ctx.attrs().getInts("scan_input_axes", new long[nScanIn]);
        List<Tensor> state = new ArrayList<>(ctx.inputs().subList(0, nState));
        List<Tensor> scanIns = ctx.inputs().subList(nState, ctx.numInputs());
        int[] axes = new int[nScanIn];
        int length = -1;
        for (int j = 0; j < nScanIn; j++) {
            Tensor s = scanIns.get(j);
            axes[j] = dev.nnc.ir.tensor.Shapes.axis(inAxes[j], s.rank());
            int len = s.dim(axes[j]);
            if (length >= 0 && len != length) {
                throw ctx.error("scan inputs have different lengths " + length + " and " + len);
            }
            length = len;
        }
        int nScanOut = ctx.numOutputs() - nState;
        long[] outDirs = ctx.attrs().getInts("scan_output_directions", new long[nScanOut]);
        long[] outAxes = ctx.attrs().getInts("scan_output_axes", new long[nScanOut]);
        List<List<Tensor>> scans = new ArrayList<>();
        for (int k = 0; k < nScanOut; k++) {
            scans.add(new ArrayList<>());
        }
        for (int t = 0; t < Math.max(length, 0); t++) {
            List<Tensor> args = new ArrayList<>(state);
            for (int j = 0; j < nScanIn; j++) {
                int at = inDirs[j] == 1 ? length - 1 - t : t;
                args.add(Stacking.slice(scanIns.get(j), axes[j], at));
            }
            List<RuntimeValue> out = ctx.runRegion(0, args);
            state = new ArrayList<>();
            for (int k = 0; k < nState; k++) {
                state.add(tensor(ctx, out.get(k), "state output " + k));
            }
            for (int k = 0; k < nScanOut; k++) {
                scans.get(k).add(tensor(ctx, out.get(nState + k), "scan output " + k));
            }
        }
        List<Tensor> results = new ArrayList<>(state);
        for (int k = 0; k < nScanOut; k++) {
            List<Tensor> items = scans.get(k);
            if (outDirs[k] == 1) {
                java.util.Collections.reverse(items);
            }
            Tensor stacked = Stacking.stack(items, ctx.outputType(nState + k));
            int axis = dev.nnc.ir.tensor.Shapes.axis(outAxes[k], stacked.rank());
            results.add(Stacking.moveAxis(stacked, 0, axis));
        }
        return results;
    }

    /** A body result that must be a tensor (a loop condition, a scan output). */
    private static Tensor tensor(EvalContext ctx, RuntimeValue v, String what) {
        if (v instanceof Tensor t) {
            return t;
        }
        throw ctx.error("the body's " + what + " is " + (v == null ? "absent" : v.kind()) + ", but must be a tensor");
    }
}
