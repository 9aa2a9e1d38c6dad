package dev.nnc.ir.type;

/** The one text spelling of every type, shared by the printer and {@code toString}. */
public final class TypeSpelling {
    private TypeSpelling() {
    }

    public static String of(Type t) {
        if (t instanceof TensorType tt) {
            return tensor(tt);
        }
        if (t instanceof SequenceType s) {
            return "!onnx.Seq<" + of(s.element()) + ">";
        }
        if (t instanceof OptionalType o) {
            return "!onnx.Opt<" + of(o.element()) + ">";
        }
        if (t instanceof StreamType st) {
            return "!hw.stream<" + st.lanes() + "x" + st.element().spelling() + ">";
        }
        if (t instanceof ElementType e) {
            return e.spelling();
        }
        return "none";
    }

    private static String tensor(TensorType t) {
        StringBuilder sb = new StringBuilder("tensor<");
        if (t.dims() == null) {
            sb.append("*x");
        } else {
            for (Dim d : t.dims()) {
                if (d instanceof Dim.Known k) {
                    sb.append(k.size());
                } else {
                    String name = ((Dim.Symbolic) d).name();
                    sb.append('?').append(name.isEmpty() ? "" : quoteSymbol(name));
                }
                sb.append('x');
            }
        }
        return sb.append(t.elementType().spelling()).append('>').toString();
    }

    /** Symbol names are always quoted: {@code ?"batch"x3}, since a bare name would swallow the {@code x}. */
    private static String quoteSymbol(String name) {
        return StringEscapes.quote(name);
    }
}
