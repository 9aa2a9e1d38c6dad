package dev.nnc.ir.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.spec.Semantics;
import dev.nnc.ir.spec.TypeInference;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kernel} dialect: streaming kernels on tensors in stream order (an image is
 * {@code [H, W, C]}, a vector {@code [N]}, batch dropped), each carrying its folding ({@code simd},
 * {@code pe}). Reference semantics are bit-exact with the q-level ops they replace
 * (docs/hardware.md §2). For example
 * <pre>
 * %s = "kernel.to_stream"(%x) &lt;{perm = [0, 2, 3, 1]}&gt; : (tensor&lt;1x1x8x8xfixed&lt;8,1&gt;&gt;) -&gt; tensor&lt;8x8x1xfixed&lt;8,1&gt;&gt;
 * %w = "kernel.swg"(%s) &lt;{kernel_shape = [3, 3], pads = [1, 1, 1, 1]}&gt; : (...) -&gt; tensor&lt;8x8x9xfixed&lt;8,1&gt;&gt;
 * %y = "kernel.mvau"(%w) &lt;{weights = dense&lt;...&gt; : tensor&lt;2x9xfixed&lt;8,0&gt;&gt;, acc_type = fixed&lt;20,5&gt;,
 *        multipliers = [1], shifts = [12], activation = "RELU"}&gt; : (...) -&gt; tensor&lt;8x8x2xfixed&lt;8,3&gt;&gt;
 * </pre>
 */
public final class KernelDialect {
    public static final String TO_STREAM = "kernel.to_stream";
    public static final String FROM_STREAM = "kernel.from_stream";
    public static final String SWG = "kernel.swg";
    public static final String MVAU = "kernel.mvau";
    public static final String POOL = "kernel.pool";
    public static final String ADD = "kernel.add";
    public static final String SOFTMAX = "kernel.softmax";
    public static final String RESHAPE = "kernel.reshape";

    private KernelDialect() {
    }

    public static Dialect create() {
        Dialect k = new Dialect("kernel");
        k.register(spec(TO_STREAM, 1, List.of(required("perm", AttrKind.INTS)),
                KernelVerifiers.toStream(), KernelInference::toStream, StreamSemantics::toStream));
        k.register(spec(FROM_STREAM, 1, List.of(required("perm", AttrKind.INTS)),
                KernelVerifiers.fromStream(), KernelInference::fromStream, StreamSemantics::fromStream));
        k.register(spec(RESHAPE, 1, List.of(), KernelVerifiers.reshape(), KernelInference::declared, StreamSemantics::reshape));
        k.register(spec(SWG, 1, List.of(required("kernel_shape", AttrKind.INTS),
                optional("strides", AttrKind.INTS, Attribute.ints(1, 1)),
                optional("pads", AttrKind.INTS, Attribute.ints(0, 0, 0, 0)),
                optional("dilations", AttrKind.INTS, Attribute.ints(1, 1)), simd()),
                KernelVerifiers.swg(), KernelInference::swg, StreamSemantics::swg));
        List<AttrSpec> mvau = new ArrayList<>(List.of(required("weights", AttrKind.TENSOR),
                optional("bias", AttrKind.TENSOR, null), required("acc_type", AttrKind.TYPE),
                required("multipliers", AttrKind.INTS), required("shifts", AttrKind.INTS)));
        mvau.addAll(mode());
        mvau.addAll(List.of(optional("activation", AttrKind.STRING, Attribute.of(Activation.NONE.name())),
                optional("clip_lo", AttrKind.INT, null), optional("clip_hi", AttrKind.INT, null), simd(),
                optional("pe", AttrKind.INT, Attribute.of(1))));
        k.register(spec(MVAU, 1, mvau, KernelVerifiers.mvau(), KernelInference::mvau, MvauSemantics::evaluate));
        k.register(spec(POOL, 1, List.of(required("kind", AttrKind.STRING), required("channels", AttrKind.INT),
                optional("multiplier", AttrKind.INT, null), optional("shift", AttrKind.INT, null), simd()),
                KernelVerifiers.pool(), KernelInference::pool, PoolSemantics::evaluate));
        List<AttrSpec> add = new ArrayList<>(mode());
        add.add(simd());
        k.register(spec(ADD, 2, add, KernelVerifiers.add(), KernelInference::sameShape, AddSemantics::evaluate));
        List<AttrSpec> softmax = new ArrayList<>();
        for (String name : SoftmaxProperties.NAMES) {
            softmax.add(required(name, SoftmaxProperties.kind(name)));
        }
        softmax.add(simd());
        k.register(spec(SOFTMAX, 1, softmax, KernelVerifiers.softmax(), KernelInference::sameShape, SoftmaxSemantics::evaluate));
        return k;
    }

    private static List<AttrSpec> mode() {
        return List.of(optional("rounding", AttrKind.STRING, Attribute.of(CastMode.DEFAULT.rounding().name())),
                optional("overflow", AttrKind.STRING, Attribute.of(CastMode.DEFAULT.overflow().name())));
    }

    private static AttrSpec simd() {
        return optional("simd", AttrKind.INT, Attribute.of(1));
    }

    private static AttrSpec required(String name, AttrKind kind) {
        return new AttrSpec(name, kind, null, true);
    }

    private static AttrSpec optional(String name, AttrKind kind, Attribute dflt) {
        return new AttrSpec(name, kind, dflt, false);
    }

    private static OpSpec spec(String name, int operands, List<AttrSpec> attrs, OpVerifier v, TypeInference t, Semantics s) {
        return new OpSpec(name, List.of(1), new Arity(operands, operands), new Arity(1, 1), attrs, v, t, s);
    }
}
