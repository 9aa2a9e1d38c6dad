package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.rewrite.GreedyRewriteDriver;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuses producer/consumer pairs into one op: a constant bias Add into Conv (per output channel)
 * or Gemm (C input), 2-D MatMul + Add into Gemm, Pad (constant mode, zero value, spatial axes
 * only) into Conv's pads, and an activation following a Conv/Gemm/2-D MatMul into
 * {@code onnx.FusedConv}/{@code onnx.FusedGemm} with {@code activation} and
 * {@code activation_params} properties. The fused producer must have no other user.
 *
 * <pre>
 * before: %c = "onnx.Conv"(%x, %W)   %a = "onnx.Add"(%c, %bias)   %y = "onnx.Relu"(%a)
 * after:  %y = "onnx.FusedConv"(%x, %W, %bias') &lt;{activation = "Relu", activation_params = [], ...}&gt;
 * </pre>
 */
public final class FusePass extends BasePass<FusePass.Options> {
    /** @param activations which activations to fuse (case-insensitive), by default all seven */
    public record Options(List<String> activations) {
        public Options {
            activations = List.copyOf(activations);
        }
    }

    public static final List<String> ALL_ACTIVATIONS =
            List.of("relu", "clip", "leakyrelu", "sigmoid", "hardsigmoid", "hardswish", "tanh");

    public static final PassInfo<Options> INFO = new PassInfo<>("fuse",
            "fuse bias Add, Pad and activations into Conv/Gemm/MatMul (MatMul+Add becomes Gemm)",
            Options.class, new Options(ALL_ACTIVATIONS), Set.of(IrStage.ONNX, IrStage.Q), null, FusePass::new);

    public FusePass(Options options) {
        super(INFO, checked(options));
    }

    private static Options checked(Options options) {
        for (String a : options.activations()) {
            if (!ALL_ACTIVATIONS.contains(a.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("fuse: unknown activation '" + a + "' (known: "
                        + String.join(", ", ALL_ACTIVATIONS) + ")");
            }
        }
        return options;
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        Set<String> enabled = Set.copyOf(options().activations().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        return GreedyRewriteDriver.apply(module.op(), FusePatterns.all(module.opset(), enabled), context);
    }
}
