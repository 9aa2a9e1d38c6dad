package dev.nnc.frontend;

import java.util.Set;

/**
 * Which ONNX operator-set domains the importer maps onto the {@code onnx} dialect: the default
 * domain, and the QONNX/Brevitas/FINN domains whose ops ({@code Quant}, {@code BipolarQuant},
 * {@code Trunc}) sit in the dialect beside the standard ones when a kernel family provides them.
 * Any other domain (e.g. {@code ai.onnx.ml}, {@code com.microsoft}) is unsupported.
 */
final class Domains {
    private static final Set<String> ONNX = Set.of("", "ai.onnx");
    private static final Set<String> QONNX = Set.of("onnx.brevitas", "qonnx.custom_op.general", "finn.custom_op.general");

    private Domains() {
    }

    /** True when nodes of {@code domain} are looked up as {@code onnx.<op_type>}. */
    static boolean mapsToOnnxDialect(String domain) {
        return ONNX.contains(domain) || QONNX.contains(domain);
    }

    /** How errors name an op: {@code Conv}, or {@code com.microsoft.FusedConv} outside the default domain. */
    static String qualifiedName(String domain, String opType) {
        return ONNX.contains(domain) ? opType : domain + "." + opType;
    }
}
