package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.ElementwiseStep;
import dev.nnc.cpu.gen.JavaModel.Fn;
import dev.nnc.cpu.gen.JavaModel.Lit;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.onnx.kernels.QonnxQuant;
import java.util.ArrayList;
import java.util.List;

/**
 * QONNX's {@code Quant} and {@code BipolarQuant} (float fake quantization) as one loop nest with
 * numpy broadcasting of scale, zero point and bit width ({@link BroadcastLoops}), each element
 * computed by the interpreter's own rule, {@link QonnxQuant}, so the two agree bit for bit.
 * The generated class imports that one dependency-free class of {@code ir}.
 */
final class QonnxLowering implements OpLowering {
    private static final String RULE = QonnxQuant.class.getName();

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        boolean bipolar = op.opName().equals("BipolarQuant");
        if (ctx.dtype(op.operand(0), op) != dev.nnc.cpu.Dtype.F32) {
            throw ctx.unsupported(op, "X must be f32");
        }
        BroadcastLoops.Operands in = BroadcastLoops.read(op, op.operands(), ctx);
        String out = ctx.write(op.result(0), op);
        BroadcastLoops plan = in.plan();
        List<Object> args = new ArrayList<>(in.leaves());
        for (int i = 1; i <= (bipolar ? 1 : 2); i++) { // scale and zero point are float in the rule
            if (ctx.dtype(op.operand(i), op) != dev.nnc.cpu.Dtype.F32) {
                args.set(i, new JavaModel.Convert("float", args.get(i)));
            }
        }
        if (!bipolar) {
            var a = ctx.attrs(op);
            int rounding;
            try {
                rounding = QonnxQuant.rounding(a.getString("rounding_mode", "ROUND"));
            } catch (IllegalArgumentException e) {
                throw ctx.unsupported(op, e.getMessage());
            }
            args.add(new Lit(Boolean.toString(a.getInt("signed", 1) != 0)));
            args.add(new Lit(Boolean.toString(a.getInt("narrow", 0) != 0)));
            args.add(new Lit(Integer.toString(rounding)));
        }
        ctx.addImport(RULE);
        Object expr = new Fn(bipolar ? "QonnxQuant.bipolar" : "QonnxQuant.quant", args);
        ctx.addStep(new ElementwiseStep(ctx.method(op), ctx.describe(op), List.of(), expr, out, plan.outIndex(),
                plan.loops()));
    }
}
