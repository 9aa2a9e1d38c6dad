package dev.nnc.ir.spec;

/** The kinds of ONNX attribute, as written in the op table. */
public enum AttrKind {
    INT, FLOAT, STRING, INTS, FLOATS, STRINGS, TENSOR, TYPE, GRAPH;

    public static AttrKind parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
