package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.IntsField;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.kernels.Einsum;
import dev.nnc.ir.tensor.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Einsum} (any equation: explicit or implicit output, ellipsis, diagonals) through the
 * runtime's {@code Einsum}: the equation is parsed by the interpreter's parser at build time into
 * loop sizes (output labels first, then summed ones) and per-input strides, static constants.
 */
final class EinsumLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        List<int[]> shapes = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Value v : op.operands()) {
            if (ScalarCallLowering.dtype(v, op, ctx) == Dtype.BOOL) {
                throw ctx.unsupported(op, "bool operands are not supported");
            }
            shapes.add(ctx.shape(v));
            arrays.add(ctx.readTyped(v, op));
        }
        Einsum.Spec s;
        try {
            s = Einsum.parse(op.name(), ctx.attrs(op).getString("equation", ""), shapes);
        } catch (NncException e) {
            throw ctx.unsupported(op, e.getMessage());
        }
        List<Integer> loop = new ArrayList<>();
        for (int l : s.output()) {
            loop.add(l);
        }
        for (int[] in : s.inputs()) {
            for (int l : in) {
                if (!loop.contains(l)) {
                    loop.add(l);
                }
            }
        }
        int nl = loop.size();
        List<Integer> size = new ArrayList<>();
        for (int l : loop) {
            size.add(s.sizeOf()[l]);
        }
        int[] strides = new int[shapes.size() * nl];
        for (int t = 0; t < shapes.size(); t++) {
            int[] shape = shapes.get(t);
            int[] st = Shapes.strides(shape);
            int[] labels = s.inputs().get(t);
            for (int d = 0; d < labels.length; d++) {
                int at = loop.indexOf(labels[d]);
                if (shape[d] != 1 || size.get(at) == 1) {
                    strides[t * nl + at] += st[d];
                }
            }
        }
        int outCount = 1;
        for (int i = 0; i < s.output().length; i++) {
            outCount *= size.get(i);
        }
        String sizeField = ctx.staticName(op, "loop_sizes");
        String strideField = ctx.staticName(op, "loop_strides");
        ctx.addStatic(new IntsField(sizeField, size));
        ctx.addStatic(new IntsField(strideField, java.util.Arrays.stream(strides).boxed().toList()));
        String y = ctx.writeTyped(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call("Einsum.apply",
                List.of("new Object[] {" + String.join(", ", arrays) + "}", sizeField, strideField, outCount, y)))));
    }
}
