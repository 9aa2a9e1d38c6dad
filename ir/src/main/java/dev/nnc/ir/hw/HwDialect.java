package dev.nnc.ir.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.tensor.RuntimeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code hw} dialect: a dataflow netlist in SSA form. Each {@code !hw.stream<LxT>} value is one
 * valid/ready stream with exactly one reader; {@code hw.source}/{@code hw.sink} turn the function's
 * (q-level) tensors into beats and back, the compute ops are the RTL primitives, and fork, dwc and
 * fifo are the plumbing between them (docs/hardware.md §3):
 * <pre>
 * %s0 = "hw.source"(%x) &lt;{perm = [0, 2, 3, 1]}&gt; : (tensor&lt;1x1x4x4xfixed&lt;8,3&gt;&gt;) -&gt; !hw.stream&lt;1xfixed&lt;8,3&gt;&gt;
 * %s1 = "hw.fifo"(%s0) &lt;{depth = 2}&gt; : (!hw.stream&lt;1xfixed&lt;8,3&gt;&gt;) -&gt; !hw.stream&lt;1xfixed&lt;8,3&gt;&gt;
 * </pre>
 * The ops have no reference semantics: the interpreter stops with a pointer to {@code nnc sim}.
 */
public final class HwDialect {
    public static final String SOURCE = "hw.source";
    public static final String SINK = "hw.sink";
    public static final String FIFO = "hw.fifo";
    public static final String FORK = "hw.fork";
    public static final String DWC = "hw.dwc";
    public static final String SWG = "hw.swg";
    public static final String MVAU = "hw.mvau";
    public static final String POOL = "hw.pool";
    public static final String ADD = "hw.add";
    public static final String SOFTMAX = "hw.softmax";

    /** The primitives that compute (as opposed to move beats). */
    public static final Set<String> COMPUTE = Set.of(SWG, MVAU, POOL, ADD, SOFTMAX);

    public static final String IN_SHAPE = "in_shape";
    public static final String OUT_SHAPE = "out_shape";
    public static final String SIMD = "simd";
    public static final String PE = "pe";
    public static final String PERM = "perm";
    public static final String DEPTH = "depth";

    private HwDialect() {
    }

    /** True for the ops of this dialect. */
    public static boolean isHw(String opName) {
        return opName.startsWith("hw.");
    }

    public static Dialect create() {
        Dialect hw = new Dialect("hw");
        hw.register(spec(SOURCE, 1, 1, List.of(req(PERM, AttrKind.INTS)), HwVerifiers::source));
        hw.register(spec(SINK, 1, 1, List.of(req(PERM, AttrKind.INTS)), HwVerifiers::sink));
        hw.register(spec(FIFO, 1, 1, List.of(opt(DEPTH, AttrKind.INT, new Attribute.IntAttr(2))), HwVerifiers::fifo));
        hw.register(spec(FORK, 1, 2, List.of(), HwVerifiers::fork));
        hw.register(spec(DWC, 1, 1, List.of(), HwVerifiers::dwc));
        hw.register(spec(SWG, 1, 1, compute(List.of(
                req("kernel_shape", AttrKind.INTS),
                opt("strides", AttrKind.INTS, Attribute.ints(1, 1)),
                opt("pads", AttrKind.INTS, Attribute.ints(0, 0, 0, 0)),
                opt("dilations", AttrKind.INTS, Attribute.ints(1, 1)))), ComputeVerifiers::swg));
        List<AttrSpec> mvau = new ArrayList<>(castMode());
        mvau.addAll(List.of(
                req("weights", AttrKind.TENSOR),
                new AttrSpec("bias", AttrKind.TENSOR, null, false),
                req("acc_type", AttrKind.TYPE),
                req("multipliers", AttrKind.INTS),
                req("shifts", AttrKind.INTS),
                opt("activation", AttrKind.STRING, new Attribute.StringAttr("NONE")),
                new AttrSpec("clip_lo", AttrKind.INT, null, false),
                new AttrSpec("clip_hi", AttrKind.INT, null, false),
                opt(PE, AttrKind.INT, new Attribute.IntAttr(1))));
        hw.register(spec(MVAU, 1, 1, compute(mvau), ComputeVerifiers::mvau));
        hw.register(spec(POOL, 1, 1, compute(List.of(
                req("kind", AttrKind.STRING),
                req("channels", AttrKind.INT),
                new AttrSpec("multiplier", AttrKind.INT, null, false),
                new AttrSpec("shift", AttrKind.INT, null, false))), ComputeVerifiers::pool));
        hw.register(spec(ADD, 2, 1, compute(castMode()), ComputeVerifiers::add));
        hw.register(spec(SOFTMAX, 1, 1, compute(List.of(
                req("exp_log2_size", AttrKind.INT), req("exp_lo", AttrKind.FLOAT), req("exp_hi", AttrKind.FLOAT),
                req("exp_type", AttrKind.TYPE), req("recip_in_type", AttrKind.TYPE),
                req("recip_log2_size", AttrKind.INT), req("recip_lo", AttrKind.FLOAT), req("recip_hi", AttrKind.FLOAT),
                req("recip_type", AttrKind.TYPE))), ComputeVerifiers::softmax));
        return hw;
    }

    private static List<AttrSpec> castMode() {
        return List.of(
                opt("rounding", AttrKind.STRING, new Attribute.StringAttr(CastMode.DEFAULT.rounding().name())),
                opt("overflow", AttrKind.STRING, new Attribute.StringAttr(CastMode.DEFAULT.overflow().name())));
    }

    /** A compute primitive's own properties plus simd and the one-frame stream-order shapes. */
    private static List<AttrSpec> compute(List<AttrSpec> own) {
        List<AttrSpec> all = new ArrayList<>(own);
        all.add(opt(SIMD, AttrKind.INT, new Attribute.IntAttr(1)));
        all.add(req(IN_SHAPE, AttrKind.INTS));
        all.add(req(OUT_SHAPE, AttrKind.INTS));
        return all;
    }

    private static OpSpec spec(String name, int operands, int results, List<AttrSpec> attrs, OpVerifier v) {
        return new OpSpec(name, List.of(1), new Arity(operands, operands), new Arity(results, results), attrs, v, null,
                HwDialect::noSemantics);
    }

    /** hw ops describe circuits, not values: the cycle simulator runs them. */
    private static List<RuntimeValue> noSemantics(EvalContext ctx) {
        throw ctx.error("a hardware op has no reference semantics; run hw-level IR with `nnc sim`");
    }

    private static AttrSpec req(String name, AttrKind kind) {
        return new AttrSpec(name, kind, null, true);
    }

    private static AttrSpec opt(String name, AttrKind kind, Attribute dflt) {
        return new AttrSpec(name, kind, dflt, false);
    }
}
