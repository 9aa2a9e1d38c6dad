package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * Pad (edge, reflect and wrap modes, or pads/value/axes given at run time), Slice with starts,
 * ends, axes or steps given at run time, CenterCropPad, Compress and Tile, as one {@code AxisMaps.gather} whose
 * per-axis maps the runtime builds from the operands on every run. Constant-operand Slice and
 * constant-mode Pad stay with {@link StridedLowering} (a strided copy).
 */
final class AxisMapLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        OpAttributes a = ctx.attrs(op);
        int[] inShape = ctx.shape(op.operand(0));
        int[] outShape = ctx.shape(op.result(0));
        boolean flat = op.opName().equals("Compress") && a.get("axis") == null;
        if (flat) { // Compress without an axis works on the flattened input
            inShape = new int[] {Math.toIntExact(LinearLowering.product(inShape))};
            outShape = new int[] {Math.toIntExact(LinearLowering.product(outShape))};
        }
        String in = shapeField(op, ctx, "in_shape", inShape);
        String out = shapeField(op, ctx, "out_shape", outShape);
        String maps;
        Object fill = "null";
        switch (op.opName()) {
            case "Slice" -> {
                if (ctx.opset() < 10) {
                    throw ctx.unsupported(op, "Slice-1 has constant attributes");
                }
                maps = "AxisMaps.slice(" + in + ", " + out + ", " + ctx.readOptional(op, 1) + ", " + ctx.readOptional(op, 2) + ", "
                        + ctx.readOptional(op, 3) + ", " + ctx.readOptional(op, 4) + ")";
            }
            case "Pad" -> {
                String mode = a.getString("mode", "constant");
                String pads;
                String axes = "null";
                if (ctx.opset() < 11) {
                    long[] p = a.getInts(ctx.opset() < 2 ? "paddings" : "pads", null);
                    if (p == null) {
                        throw ctx.unsupported(op, "Pad needs pads");
                    }
                    if (mode.equals("constant")) {
                        throw ctx.unsupported(op, "a non-zero value attribute is not supported here");
                    }
                    pads = "new long[] {" + String.join(", ", Arrays.stream(p).mapToObj(v -> v + "L").toList()) + "}";
                } else {
                    pads = ctx.readOptional(op, 1);
                    fill = ctx.readOptional(op, 2);
                    axes = ctx.readOptional(op, 3);
                }
                maps = "AxisMaps.pad(\"" + mode + "\", " + in + ", " + out + ", " + pads + ", " + axes + ")";
            }
            case "Compress" -> {
                int rank = inShape.length;
                long axis = flat ? 0 : a.getInt("axis");
                if (axis < -rank || axis >= rank) {
                    throw ctx.unsupported(op, "axis " + axis + " out of range");
                }
                maps = "AxisMaps.compress(" + in + ", " + out + ", " + ctx.readOptional(op, 1) + ", " + (axis < 0 ? axis + rank : axis) + ")";
            }
            case "Tile" -> maps = "AxisMaps.tile(" + in + ", " + out + ", " + ctx.readOptional(op, 1) + ")";
            default -> maps = "AxisMaps.centerCropPad(" + in + ", " + out + ")";
        }
        String x = ctx.readTyped(op.operand(0), op);
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call("AxisMaps.gather", List.of(x, in, y, out, maps, fill)))));
    }

    private static String shapeField(Operation op, LoweringContext ctx, String suffix, int[] shape) {
        String name = ctx.staticName(op, suffix);
        ctx.addStatic(new IntsField(name, Arrays.stream(shape).boxed().toList()));
        return name;
    }

    /** True when Slice or Pad has an operand that is not a constant, or Pad a mode other than constant. */
    static boolean applies(Operation op, LoweringContext ctx) {
        if (op.opName().equals("Pad") && !ctx.attrs(op).getString("mode", "constant").equals("constant")) {
            return true;
        }
        return ctx.hasRunTimeOperand(op, 1);
    }
}
