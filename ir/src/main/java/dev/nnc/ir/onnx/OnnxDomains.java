package dev.nnc.ir.onnx;

import java.util.Set;

/**
 * How ONNX operator-set domains map to op names of the {@code onnx} dialect. The rule is one
 * line, so adding a domain is adding table rows, not code: the default domain's ops are
 * {@code onnx.<op>}, and a domain {@code ai.onnx.<sub>} puts its ops at {@code onnx.<sub>.<op>}
 * (e.g. {@code ai.onnx.ml} → {@code onnx.ml.LabelEncoder}, {@code ai.onnx.preview.training} →
 * {@code onnx.preview.training.Adam}). Keeping them in the {@code onnx} dialect means every
 * consumer that handles ONNX ops (interpreter, printer, verifier) handles them unchanged;
 * ONNX op types never contain a dot, so the domain is recoverable from the name.
 */
public final class OnnxDomains {
    /** The default domain, as {@code ModelProto.opset_import} spells it. */
    public static final String DEFAULT = "";
    private static final String AI_ONNX = "ai.onnx";
    /** Foreign domains whose few ops sit beside the standard ones (QONNX/Brevitas/FINN quantizers). */
    private static final Set<String> DEFAULT_ALIASES = Set.of("onnx.brevitas", "qonnx.custom_op.general", "finn.custom_op.general");

    private OnnxDomains() {
    }

    /** The canonical spelling of a domain: {@code ai.onnx} is the default domain {@code ""}. */
    public static String canonical(String domain) {
        return domain.equals(AI_ONNX) ? DEFAULT : domain;
    }

    /** True when ops of {@code domain} are named by {@link #opName}; other domains are unsupported. */
    public static boolean mapped(String domain) {
        String d = canonical(domain);
        return d.isEmpty() || d.startsWith(AI_ONNX + ".") || DEFAULT_ALIASES.contains(d);
    }

    /** True for the QONNX-style domains whose ops are named like default-domain ops. */
    public static boolean isDefaultAlias(String domain) {
        return DEFAULT_ALIASES.contains(domain);
    }

    /** The IR op name of {@code opType} of a {@link #mapped} domain, e.g. {@code onnx.ml.Binarizer}. */
    public static String opName(String domain, String opType) {
        String d = canonical(domain);
        if (d.isEmpty() || DEFAULT_ALIASES.contains(d)) {
            return OnnxDialect.PREFIX + opType;
        }
        return OnnxDialect.PREFIX + d.substring(AI_ONNX.length() + 1) + "." + opType;
    }

    /** The domain of an {@code onnx.*} op name ({@code ""} for default-domain ops). */
    public static String domainOf(String opName) {
        String rest = opName.startsWith(OnnxDialect.PREFIX) ? opName.substring(OnnxDialect.PREFIX.length()) : opName;
        int dot = rest.lastIndexOf('.');
        return dot < 0 ? DEFAULT : AI_ONNX + "." + rest.substring(0, dot);
    }

    /** The op type of an {@code onnx.*} op name without its domain: {@code onnx.ml.Binarizer} → {@code Binarizer}. */
    public static String opType(String opName) {
        return opName.substring(opName.lastIndexOf('.') + 1);
    }
}
