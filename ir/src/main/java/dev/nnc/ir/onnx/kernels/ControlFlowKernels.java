package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.IntegerType;
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
        t.op("If", ctx -> BodyTypes.fromBody(ctx, 0), ControlFlowKernels::ifOp);
        t.op("Loop", ctx -> BodyTypes.fromBody(ctx, 1), ControlFlowKernels::loop);
        t.op("Scan", ctx -> BodyTypes.fromBody(ctx, 0), ControlFlowKernels::scan);
    }

    private static List<Tensor> ifOp(EvalContext ctx) {
        Tensor cond = ctx.input(0);
        if (cond.size() != 1) {
            throw ctx.error("condition must hold one element, got shape " + java.util.Arrays.toString(cond.shape()));
        }
        return ctx.runRegion(cond.getLong(0) != 0 ? 0 : 1, List.of());
    }

    private static List<Tensor> loop(EvalContext ctx) {
        long maxTrips = ctx.hasInput(0) ? ctx.input(0).getLong(0) : Long.MAX_VALUE;
        boolean cond = !ctx.hasInput(1) || ctx.input(1).getLong(0) != 0;
        List<Tensor> carried = new ArrayList<>(ctx.inputs().subList(2, ctx.numInputs()));
        int nCarried = carried.size();
        int nScan = ctx.numOutputs() - nCarried;
        List<List<Tensor>> scans = new ArrayList<>();
        for (int k = 0; k < nScan; k++) {
            scans.add(new ArrayList<>());
        }
        for (long i = 0; i < maxTrips && cond; i++) {
            List<Tensor> args = new ArrayList<>();
            args.add(Tensor.scalar(IntegerType.I64, i));
            args.add(Tensor.ofLongs(BoolType.I1, new int[0], new long[] {1}));
            args.addAll(carried);
            List<Tensor> out = ctx.runRegion(0, args);
            cond = out.get(0).getLong(0) != 0;
            carried = new ArrayList<>(out.subList(1, 1 + nCarried));
            for (int k = 0; k < nScan; k++) {
                scans.get(k).add(out.get(1 + nCarried + k));
            }
        }
        List<Tensor> results = new ArrayList<>(carried);
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
            List<Tensor> out = ctx.runRegion(0, args);
            state = new ArrayList<>(out.subList(0, nState));
            for (int k = 0; k < nScanOut; k++) {
                scans.get(k).add(out.get(nState + k));
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
}
