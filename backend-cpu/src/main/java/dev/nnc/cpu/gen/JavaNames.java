package dev.nnc.cpu.gen;

import java.util.HashSet;
import java.util.Set;

/**
 * Legal, unique Java identifiers made from ONNX names: characters outside [A-Za-z0-9_] become
 * '_', a leading digit or a keyword gets a '_' prefix, and a repeated name a numeric suffix. One
 * instance per namespace (fields, methods), seeded with the names the class skeleton uses.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "_");
    /** Simple names the generated class refers to: a field or class with one of them would shadow it. */
    static final Set<String> RUNTIME_TYPES = Set.of("BatchNorm", "Conv", "Copy", "Gemm", "GeneratedModel", "Parallel",
            "Pool", "Scalars", "Softmax", "Transpose", "Window3", "Reduce", "Strided", "Norms", "ConvTranspose", "Depthwise", "ArgReduce", "Resample", "GatherElements", "Trilu", "System", "Elements", "Losses", "Cumulative", "Modulo", "ResizeAtRunTime", "AxisMaps", "Scatter", "TopK", "OneHot", "Dropout", "ModelInputError", "TypedReduce", "LpPool", "Einsum", "Recurrent", "ElementFunctions", "Generate", "Rearrange", "ChannelNorms", "Col2Im", "java", "Math", "Float", "Override", "Object", "String", "DenseConv", "Clamp", "PackedGemm", "NhwcConv", "NhwcDepthwise", "ChannelsLast", "QonnxQuant");
    private final Set<String> used = new HashSet<>();

    JavaNames(String... reserved) {
        used.addAll(Set.of(reserved));
    }

    /** A fresh identifier derived from {@code hint} (or {@code fallback} when the hint is empty). */
    String fresh(String hint, String fallback) {
        String base = sanitize(hint == null || hint.isEmpty() ? fallback : hint);
        String name = base;
        for (int k = 2; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    /** A copy of the names taken so far (to undo the names of a lowering that gave up half-way). */
    Set<String> names() {
        return new HashSet<>(used);
    }

    /** Forgets every name taken since {@link #names} returned {@code names}. */
    void restore(Set<String> names) {
        used.retainAll(names);
    }

    static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String r = b.toString();
        if (r.isEmpty() || Character.isDigit(r.charAt(0)) || KEYWORDS.contains(r)) {
            r = "_" + r;
        }
        return r;
    }

    /** A class name: sanitized, first letter upper-case. */
    static String className(String modelName) {
        String s = sanitize(modelName);
        if (s.startsWith("_")) {
            s = "Model" + s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return RUNTIME_TYPES.contains(s) ? s + "Model" : s;
    }
}
