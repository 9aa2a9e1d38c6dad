package dev.nnc.cpu.gen;

import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.WindowField;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LpPool} (1-3 spatial dims, the window geometry of {@link WindowLowering}) and
 * {@code GlobalLpPool} on f32 through the runtime's {@code LpPool}.
 */
final class LpPoolLowering implements OpLowering {

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        int[] xs = ctx.shape(op.operand(0));
        OpAttributes a = ctx.attrs(op);
        double p = a.getFloat("p", 2);
        String x = ctx.read(op.operand(0), op);
        if (op.opName().equals("GlobalLpPool")) {
            String y = ctx.write(op.result(0), op);
            int spatial = Math.toIntExact(LinearLowering.product(Arrays.copyOfRange(xs, 2, xs.length)));
            ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                    List.of(new Call("LpPool.global", List.of(xs[0] * xs[1], spatial, Double.toString(p), x, y)))));
            return;
        }
        long[] ks = a.getInts("kernel_shape", new long[0]);
        if (xs.length < 3 || xs.length > 5 || ks.length != xs.length - 2) {
            throw ctx.unsupported(op, "needs a 1-D, 2-D or 3-D kernel_shape matching the input");
        }
        int[] kernel = Arrays.stream(ks).mapToInt(Math::toIntExact).toArray();
        JavaModel.Window win = WindowLowering.window(op, ctx, a, xs, kernel, a.getInt("ceil_mode", 0) != 0);
        String name = ctx.staticName(op, "window");
        ctx.addStatic(new WindowField(name, win));
        String y = ctx.write(op.result(0), op);
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op),
                List.of(new Call("LpPool.apply", List.of(name, xs[0] * xs[1], Double.toString(p), x, y)))));
    }
}
