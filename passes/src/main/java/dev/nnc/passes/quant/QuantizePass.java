package dev.nnc.passes.quant;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.type.FixedType;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.graph.FusePass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-training quantisation of a float model to the q level of docs/hardware.md §1. It first
 * fuses bias Adds (and zero Pads) into their Conv/Gemm/MatMul ({@code fuse} with no
 * activations), then rewrites every op: q.quantize at the inputs, dense/conv layers with fixed
 * weights, exact accumulators and one q.cast/q.requantize to the chosen output type, Relu/Clip
 * after it, MaxPool/Reshape/Flatten/Transpose on raws, Softmax as q.softmax, q.dequantize at the
 * outputs. A {@code FusedConv}/{@code FusedGemm} with a Relu or Clip is split back into the op
 * and its activation first ({@link Unfuse}), since the layer's cast goes between them. Output
 * types are fixed ({@code type=fixed<16,6>}, the default) or chosen from the observed ranges ({@code bits=8}), which {@link Calibration} puts in
 * the IR as {@code calib_range} attributes.
 *
 * <pre>
 * before: %c = "onnx.MatMul"(%x, %W)  %a = "onnx.Add"(%c, %B)  %r = "onnx.Relu"(%a)
 * after:  %q = "q.quantize"(%x)  %acc = "onnx.Gemm"(%q, %Wq, %Bq) : (...) -&gt; tensor&lt;1x64xfixed&lt;39,13&gt;&gt;
 *         %a = "q.cast"(%acc) -&gt; fixed&lt;16,6&gt;  %r = "onnx.Relu"(%a)  ...  "q.dequantize"
 * </pre>
 */
public final class QuantizePass extends BasePass<QuantizePass.Options> {
    /**
     * @param type        the activation type of every layer, e.g. {@code fixed<16,6>} (empty: from bits)
     * @param bits        activation width with integer bits from the observed ranges (0: use type)
     * @param perChannel  integer weights with one scale per output channel (in q.requantize)
     * @param weightBits  weight width (0: the activation width)
     * @param rounding    rounding of the layer output casts (RND_CONV, TRN, ...)
     * @param overflow    overflow of the layer output casts (SAT, WRAP, ...)
     * @param config      a JSON file of per-layer overrides (empty: none)
     */
    public record Options(String type, int bits, boolean perChannel, int weightBits, String rounding, String overflow,
                          String config) {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("quantize",
            "post-training quantization to fixed point (q.quantize, fixed layers, q.cast/q.requantize, q.softmax)",
            Options.class, new Options("", 0, false, 0, "RND_CONV", "SAT", ""), Set.of(IrStage.ONNX), IrStage.Q,
            QuantizePass::new);

    public QuantizePass(Options options) {
        super(INFO, options);
        settings(options); // reject bad options when the pipeline is built
    }

    /** The layer defaults the options describe. */
    public static LayerSettings settings(Options o) {
        try {
            CastMode mode = CastMode.parse(o.rounding(), o.overflow());
            FixedType type = o.type().isBlank() ? null : LayerSettings.parseType(o.type());
            if (type == null && o.bits() == 0) {
                type = LayerSettings.DEFAULT.type();
            }
            return new LayerSettings(type, o.bits(), o.weightBits(), o.perChannel(), mode);
        } catch (IllegalArgumentException e) {
            throw new NncException("quantize: " + e.getMessage());
        }
    }

    /**
     * Conv/Gemm/MatMul node name → the name of the bias Add that bias fusion will replace it
     * with (the fused op keeps the Add's name), so a config can name either.
     */
    private static Map<String, String> biasAddNames(ModuleOp module) {
        Map<String, String> names = new java.util.HashMap<>();
        for (dev.nnc.ir.core.Operation op : module.mainFunction().body().operations()) {
            String n = op.location().name();
            if (n != null && Set.of("onnx.Conv", "onnx.Gemm", "onnx.MatMul").contains(op.name()) && op.numResults() == 1
                    && op.result(0).uses().size() == 1) {
                dev.nnc.ir.core.Operation user = op.result(0).uses().get(0).user();
                if (user.name().equals("onnx.Add") && user.location().name() != null) {
                    names.put(n, user.location().name());
                }
            }
        }
        return names;
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        LayerSettings defaults = settings(options());
        QuantConfig config = options().config().isBlank() ? QuantConfig.of(defaults)
                : QuantConfig.read(Path.of(options().config()), defaults);
        Map<String, Range> ranges = Calibration.read(module);
        context.count("unfused", Unfuse.run(module, context));
        Map<String, String> fusedNames = biasAddNames(module);
        new FusePass(new FusePass.Options(List.of())).run(module, context);
        new GraphQuantizer(module, ranges, config.withAliases(fusedNames), context).run();
        return true;
    }
}
