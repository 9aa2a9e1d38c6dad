package dev.nnc.passes.kernel;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lowers the q-level form of docs/hardware.md §1 to the kernel dialect (§2): dense and
 * convolution layers with their requantize/cast and Relu/Clip become {@code kernel.mvau} (after
 * a {@code kernel.swg} for a convolution), pools become swg + {@code kernel.pool}, Add becomes
 * {@code kernel.add}, q.softmax {@code kernel.softmax}; transposes and reshapes are absorbed as
 * layouts; {@code kernel.to_stream}/{@code from_stream} sit at the boundary with the host, where
 * q.quantize and q.dequantize stay.
 * <pre>
 * before: %q = "q.quantize"(%x)  %a = "onnx.Gemm"(%q, %W, %B)  %r = "q.requantize"(%a)  %y = "onnx.Relu"(%r)  "q.dequantize"(%y)
 * after:  %q = "q.quantize"(%x)  %s = "kernel.to_stream"(%q)  %m = "kernel.mvau"(%s)  %h = "kernel.from_stream"(%m)  "q.dequantize"(%h)
 * </pre>
 * Any op outside that form fails the pass with ONE line listing every such op and its node.
 */
public final class LowerKernelPass extends BasePass<LowerKernelPass.Options> {
    /** No options. */
    public record Options() {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("lower-kernel",
            "lower the fixed-point (q-level) model to streaming kernels (kernel dialect)",
            Options.class, new Options(), Set.of(IrStage.Q), IrStage.KERNEL, LowerKernelPass::new);

    /** The ops lower-kernel knows; anything else is listed in the one error line. */
    static final Set<String> SUPPORTED = Set.of("onnx.Constant", "onnx.NoValue", "q.quantize", "q.dequantize",
            BuiltinDialect.RETURN, "onnx.Gemm", "onnx.MatMul", "onnx.Conv", "q.requantize", "q.cast", "onnx.Relu",
            "onnx.Clip", "onnx.MaxPool", "onnx.AveragePool", "onnx.GlobalAveragePool", "onnx.Add", "q.softmax",
            "onnx.Reshape", "onnx.Flatten", "onnx.Transpose", "onnx.Identity");

    public LowerKernelPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        boolean changed = false;
        for (FuncOp f : module.functions()) {
            changed |= lower(f, context);
        }
        return changed;
    }

    private static boolean lower(FuncOp f, PassContext context) {
        List<Operation> ops = new ArrayList<>(f.body().operations());
        rejectUnsupported(ops, context);
        Lowering l = new Lowering(context);
        for (Value arg : f.arguments()) {
            if (KernelTypes.fixed(arg.type()) != null && KernelTypes.shape(arg.type()) != null) {
                int[] s = KernelTypes.shape(arg.type());
                l.map(arg, new Lowered.Host(arg, Lowering.identity(s.length), s));
            }
        }
        int layers = 0;
        for (Operation op : ops) {
            if (l.isConsumed(op)) {
                continue;
            }
            l.setAnchor(op);
            layers += lowerOne(l, op) ? 1 : 0;
        }
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            if (!keep(op) && op.results().stream().noneMatch(Value::hasUses)) {
                op.parent().erase(op);
            }
        }
        context.count("kernels", layers);
        return layers > 0;
    }

    /** Lowers one q-level op (and whatever its pattern absorbs); true when it made a kernel. */
    private static boolean lowerOne(Lowering l, Operation op) {
        switch (op.name()) {
            case "onnx.Constant", "onnx.NoValue" -> {
                return false;
            }
            case "q.quantize" -> {
                int[] s = KernelTypes.shape(op.result(0).type());
                if (s == null) {
                    throw l.error(op, "its shape must be static");
                }
                l.map(op.result(0), new Lowered.Host(op.result(0), Lowering.identity(s.length), s));
                return false;
            }
            case "q.dequantize", BuiltinDialect.RETURN -> {
                for (int i = 0; i < op.numOperands(); i++) {
                    op.setOperand(i, l.host(op.operand(i), op));
                }
                return false;
            }
            case "onnx.Identity" -> LayoutLowering.identity(l, op);
            case "onnx.Transpose" -> LayoutLowering.transpose(l, op);
            case "onnx.Reshape", "onnx.Flatten" -> LayoutLowering.reshape(l, op);
            case "onnx.Gemm", "onnx.MatMul", "onnx.Conv" -> {
                LayerLowering.lower(l, op);
                return true;
            }
            case "onnx.MaxPool", "onnx.AveragePool", "onnx.GlobalAveragePool" -> {
                PoolLowering.lower(l, op);
                return true;
            }
            case "onnx.Add" -> {
                ArithmeticLowering.add(l, op);
                return true;
            }
            case "q.softmax" -> {
                ArithmeticLowering.softmax(l, op);
                return true;
            }
            default -> throw l.error(op, "it must directly follow a Gemm, MatMul or Conv (or, for q.cast, an Add)");
        }
        return false;
    }

    private static void rejectUnsupported(List<Operation> ops, PassContext context) {
        List<String> bad = new ArrayList<>();
        Operation first = null;
        for (Operation op : ops) {
            if (!SUPPORTED.contains(op.name())) {
                bad.add(Lowering.node(op));
                first = first == null ? op : first;
            }
        }
        if (first != null) {
            throw context.error(first, "cannot lower to hardware: " + String.join(", ", bad));
        }
    }

    private static boolean keep(Operation op) {
        String n = op.name();
        return n.equals("q.quantize") || n.equals("q.dequantize") || n.equals(BuiltinDialect.RETURN) || n.startsWith("kernel.");
    }
}
