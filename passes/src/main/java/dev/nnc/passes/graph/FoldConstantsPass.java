package dev.nnc.passes.graph;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.Semantics;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.BasePass;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates every op whose operands are all constants with the interpreter's own semantics and
 * replaces it by {@code onnx.Constant}s; also {@code Shape} of a value whose requested dims are known. Random
 * ops, ops with regions and results bigger than {@code size-limit} elements are left alone; an op
 * whose evaluation fails is left for the interpreter to report at run time.
 *
 * <pre>
 * before: %s = "onnx.Shape"(%x) : (tensor&lt;1x8xf32&gt;) -&gt; tensor&lt;2xi64&gt;
 * after:  %s = "onnx.Constant"() &lt;{value = dense&lt;[1, 8]&gt; : tensor&lt;2xi64&gt;}&gt; : () -&gt; tensor&lt;2xi64&gt;
 * </pre>
 */
public final class FoldConstantsPass extends BasePass<FoldConstantsPass.Options> {
    /** @param sizeLimit the most elements a folded result may have */
    public record Options(long sizeLimit) {
    }

    public static final PassInfo<Options> INFO = new PassInfo<>("fold-constants",
            "evaluate ops whose inputs are all constants (and Shape of static values) at compile time",
            Options.class, new Options(1_000_000), Set.of(IrStage.ONNX, IrStage.Q), null, FoldConstantsPass::new);

    private static final Set<String> NEVER = Set.of("onnx.Constant", "onnx.NoValue", "onnx.Dropout",
            "onnx.RandomNormal", "onnx.RandomUniform", "onnx.RandomNormalLike", "onnx.RandomUniformLike",
            "onnx.Multinomial", "onnx.Bernoulli");

    public FoldConstantsPass(Options options) {
        super(INFO, options);
    }

    @Override
    public boolean run(ModuleOp module, PassContext context) {
        OpSpec constantSpec = context.registry().lookup(Graph.CONSTANT).orElse(null);
        int folded = 0;
        for (Operation op : Graph.opsBelow(module.op())) {
            if (op.parent() == null || !op.dialect().equals("onnx") || NEVER.contains(op.name())
                    || !op.regions().isEmpty() || op.numResults() == 0) {
                continue;
            }
            List<Tensor> values = op.name().equals("onnx.Shape") ? foldShape(op, context) : evaluate(op, module, context, constantSpec);
            if (values == null || values.size() != op.numResults() || !fits(values, op)) {
                continue;
            }
            for (int i = 0; i < op.numResults(); i++) {
                Value c = Graph.makeConstant(op, values.get(i), op.result(i).nameHint());
                op.result(i).replaceAllUsesWith(c);
            }
            op.parent().erase(op);
            folded++;
        }
        context.count("folded", folded);
        return folded > 0;
    }

    private List<Tensor> evaluate(Operation op, ModuleOp module, PassContext context, OpSpec constantSpec) {
        if (op.numOperands() == 0) {
            return null; // generators (Range needs inputs; RandomX are excluded): nothing to gain
        }
        for (Value r : op.results()) {
            if (r.type() instanceof TensorType tt && tt.elementCount() > options().sizeLimit()) {
                return null;
            }
        }
        List<Tensor> inputs = new ArrayList<>();
        for (Value v : op.operands()) {
            if (Graph.isAbsent(v)) {
                inputs.add(null);
                continue;
            }
            Tensor t = Graph.constant(v, constantSpec);
            if (t == null) {
                return null;
            }
            inputs.add(t);
        }
        OpSpec spec = context.registry().lookup(op.name()).orElse(null);
        if (spec == null || spec.semantics() == null) {
            return null;
        }
        try {
            // sequences and optionals are not folded: only tensors become constants
            return Semantics.tensorsOrNull(spec.semantics().evaluate(
                    new EvalContext(op, spec, inputs, module.opsets().forOp(op.name()))));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Shape(x) when the dims it returns are known: the dims from {@code start} to {@code end}
     * (clamped, negatives from the back), so a symbolic batch does not stop {@code Shape(x)[1:]}.
     */
    private static List<Tensor> foldShape(Operation op, PassContext context) {
        if (!(op.operand(0).type() instanceof TensorType tt) || !tt.hasRank()) {
            return null;
        }
        OpAttributes a = new OpAttributes(op, context.registry().lookup(op.name()).orElse(null));
        int r = tt.rank();
        long start = a.getInt("start", 0);
        long end = a.getInt("end", r);
        start = Math.max(0, Math.min(r, start < 0 ? start + r : start));
        end = Math.max(0, Math.min(r, end < 0 ? end + r : end));
        int n = (int) Math.max(0, end - start);
        long[] dims = new long[n];
        for (int i = 0; i < n; i++) {
            if (!(tt.dims().get((int) start + i) instanceof Dim.Known k)) {
                return null;
            }
            dims[i] = k.size();
        }
        return List.of(Tensor.ofLongs(IntegerType.I64, new int[] {n}, dims));
    }

    /** Each value is within the size limit and agrees with the declared element type. */
    private boolean fits(List<Tensor> values, Operation op) {
        for (int i = 0; i < values.size(); i++) {
            Tensor t = values.get(i);
            if (t == null || t.size() > options().sizeLimit()) {
                return false;
            }
            if (op.result(i).type() instanceof TensorType tt && tt.elementType() != null
                    && !tt.elementType().equals(t.elementType())) {
                return false;
            }
            int[] declared = Graph.shape(op.result(i));
            if (declared != null && !java.util.Arrays.equals(declared, t.shape())) {
                return false;
            }
        }
        return true;
    }
}
