package dev.nnc.ir.text;

import dev.nnc.ir.text.NncIrParser.DimContext;
import dev.nnc.ir.text.NncIrParser.StreamTypeContext;
import dev.nnc.ir.text.NncIrParser.TensorTypeContext;
import dev.nnc.ir.text.NncIrParser.TypeContext;
import dev.nnc.ir.text.NncIrParser.TypeListContext;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.StringEscapes;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** Builds {@link Type}s from parse trees, the inverse of {@link dev.nnc.ir.type.TypeSpelling}. */
final class TypeReader {
    private static final Pattern FIXED = Pattern.compile("(u?)fixed<(-?\\d+),(-?\\d+)>");
    private static final Pattern INTEGER = Pattern.compile("([iu])(\\d+)");

    private final String file;

    TypeReader(String file) {
        this.file = file;
    }

    Type type(TypeContext c) {
        if (c.tensorType() != null) {
            return tensorType(c.tensorType());
        }
        if (c.seqType() != null) {
            return new SequenceType(type(c.seqType().type()));
        }
        if (c.optType() != null) {
            return new OptionalType(type(c.optType().type()));
        }
        if (c.streamType() != null) {
            return streamType(c.streamType());
        }
        if (c.NONE() != null) {
            return NoneType.NONE;
        }
        return elementType(c.ELEMENT_TYPE().getSymbol());
    }

    List<Type> types(TypeListContext c) {
        List<Type> out = new ArrayList<>();
        if (c != null) {
            c.type().forEach(t -> out.add(type(t)));
        }
        return out;
    }

    TensorType tensorType(TensorTypeContext c) {
        ElementType e = elementType(c.T_ELEMENT_TYPE().getSymbol());
        if (c.shape() == null) {
            return new TensorType(e, List.of());
        }
        if (c.shape().T_STAR() != null) {
            return TensorType.unranked(e);
        }
        List<Dim> dims = new ArrayList<>();
        for (DimContext d : c.shape().dim()) {
            if (d.T_DIM() != null) {
                try {
                    dims.add(Dim.of(Long.parseLong(d.T_DIM().getText())));
                } catch (NumberFormatException ex) {
                    throw TextError.at(file, d.start, "dimension " + d.getText() + " is too large");
                }
            } else {
                dims.add(Dim.symbol(d.T_STRING() == null ? "" : unquote(d.T_STRING().getSymbol())));
            }
        }
        return new TensorType(e, dims);
    }

    private StreamType streamType(StreamTypeContext c) {
        ElementType e = elementType(c.T_ELEMENT_TYPE().getSymbol());
        try {
            return new StreamType(Integer.parseInt(c.T_DIM().getText()), e);
        } catch (IllegalArgumentException ex) {
            throw TextError.at(file, c.T_DIM().getSymbol(), "bad stream lane count " + c.T_DIM().getText());
        }
    }

    /** Reads {@code f32}, {@code i8}, {@code u64}, {@code i1}, {@code str}, {@code fixed<16,6>}, ... */
    ElementType elementType(Token t) {
        String s = t.getText();
        FloatType f = FloatType.ofSpelling(s);
        if (f != null) {
            return f;
        }
        switch (s) {
            case "i1":
                return BoolType.I1;
            case "str":
                return StringType.STR;
            default:
                break;
        }
        try {
            Matcher m = INTEGER.matcher(s);
            if (m.matches()) {
                return new IntegerType(Integer.parseInt(m.group(2)), m.group(1).equals("i"));
            }
            m = FIXED.matcher(s);
            if (m.matches()) {
                return new FixedType(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(1).isEmpty());
            }
        } catch (IllegalArgumentException ex) {
            throw TextError.at(file, t, "bad element type '" + s + "': " + ex.getMessage());
        }
        throw TextError.at(file, t, "unknown element type '" + s + "'");
    }

    String unquote(Token t) {
        try {
            return StringEscapes.unquote(t.getText());
        } catch (RuntimeException ex) {
            throw TextError.at(file, t, "bad escape in string " + t.getText());
        }
    }
}
