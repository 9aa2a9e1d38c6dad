package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import java.util.Arrays;
import java.util.List;

/**
 * Softmax, LogSoftmax, Hardmax, LpNormalization, Layer/RMS normalization and inference-mode
 * BatchNormalization as runtime calls. Softmax's axis
 * rule changed at opset 13 (before: the tensor is flattened to 2-D at the axis); both become the
 * [outer, n, inner] view the kernel takes.
 */
final class NormalizationLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        if (op.opName().equals("BatchNormalization")) {
            batchNorm(op, ctx);
        } else if (op.opName().equals("LayerNormalization") || op.opName().equals("RMSNormalization")) {
            layerNorm(op, ctx);
        } else {
            softmax(op, ctx);
        }
    }

    private static void softmax(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int rank = xs.length;
        // LpNormalization always works along one axis (default -1), like Softmax since opset 13
        boolean modern = ctx.opset() >= 13 || op.opName().equals("LpNormalization");
        int axis = Math.toIntExact(ctx.attrs(op).getInt("axis", modern ? -1 : 1));
        if (op.opName().equals("LpNormalization") && rank == 0) {
            throw ctx.unsupported(op, "a scalar input is not supported");
        }
        if (axis < 0) {
            axis += rank;
        }
        if (rank == 0) {
            axis = 0;
        }
        int outer = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 0, Math.min(axis, rank))));
        int n;
        int inner;
        if (modern) {
            n = rank == 0 ? 1 : xs[axis];
            inner = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, Math.min(axis + 1, rank), rank)));
        } else {
            n = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, Math.min(axis, rank), rank)));
            inner = 1;
        }
        String x = ctx.read(op.operand(0), op);
        String y = ctx.write(op.result(0), op);
        Call call = switch (op.opName()) {
            case "Hardmax" -> new Call("Softmax.hardmax", List.of(x, y, outer, n, inner));
            case "LpNormalization" -> new Call("Softmax.lpNormalize", List.of(x, y, outer, n, inner, lpExponent(op, ctx)));
            default -> new Call("Softmax.softmax", List.of(x, y, outer, n, inner, op.opName().equals("LogSoftmax")));
        };
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(call)));
    }

    private static int lpExponent(Operation op, LoweringContext ctx) {
        long p = ctx.attrs(op).getInt("p", 2);
        if (p != 1 && p != 2) {
            throw ctx.unsupported(op, "p must be 1 or 2, got " + p);
        }
        return (int) p;
    }

    private static void batchNorm(Operation op, LoweringContext ctx) {
        for (int i = 1; i < op.numResults(); i++) {
            if (op.result(i).hasUses()) {
                throw ctx.unsupported(op, "training-mode outputs are not supported");
            }
        }
        if (ctx.attrs(op).getInt("training_mode", 0) != 0) {
            throw ctx.unsupported(op, "training mode is not supported");
        }
        int[] xs = ctx.shape(op.operand(0));
        int channels = xs.length > 1 ? xs[1] : 1;
        int spatial = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, Math.min(2, xs.length), xs.length)));
        float eps = (float) ctx.attrs(op).getFloat("epsilon", 1e-5);
        String x = ctx.read(op.operand(0), op);
        String scale = ctx.read(op.operand(1), op);
        String bias = ctx.read(op.operand(2), op);
        String mean = ctx.read(op.operand(3), op);
        String var = ctx.read(op.operand(4), op);
        String y = ctx.write(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("BatchNorm.inference",
                List.of(x, y, xs[0], channels, spatial, scale, bias, mean, var, eps)))));
    }

    private static void layerNorm(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        int axis = Math.toIntExact(ctx.attrs(op).getInt("axis", -1));
        axis = axis < 0 ? axis + xs.length : axis;
        int rows = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 0, axis)));
        int cols = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, axis, xs.length)));
        boolean hasBias = op.numOperands() > 2 && op.operand(2).type() != dev.nnc.ir.type.NoneType.NONE;
        if (LinearLowering.product(ctx.shape(op.operand(1))) != cols
                || hasBias && LinearLowering.product(ctx.shape(op.operand(2))) != cols) {
            throw ctx.unsupported(op, "scale and bias must cover the normalized dims exactly");
        }
        float eps = (float) ctx.attrs(op).getFloat("epsilon", 1e-5);
        String x = ctx.read(op.operand(0), op);
        String scale = ctx.read(op.operand(1), op);
        Object bias = hasBias ? ctx.read(op.operand(2), op) : "null";
        String y = ctx.write(op.result(0), op);
        boolean rms = op.opName().equals("RMSNormalization");
        List<Object> args = new java.util.ArrayList<>(List.of(x, y, rows, cols, scale, bias, eps, rms));
        if (op.numResults() > 1 && (op.result(1).hasUses() || op.numResults() > 2 && op.result(2).hasUses())) {
            // the Mean and InvStdDev outputs (f32 stash type only: write() insists on f32)
            for (int i = 1; i < 3; i++) {
                args.add(i < op.numResults() && op.result(i).hasUses() ? ctx.write(op.result(i), op) : "null");
            }
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Norms.layer", args))));
    }
}
