package dev.nnc.ir.onnx;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.OpSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the ONNX op catalogue tables. One op per line, tab-separated:
 * <pre>
 * # op   versions   inputs   outputs   attributes
 * Conv   1,11,22    2..3     1         auto_pad:string=NOTSET dilations:ints group:int=1 kernel_shape:ints pads:ints strides:ints
 * Cast   1,6,9,13   1        1         to:int!
 * </pre>
 * Arity is {@code n} or {@code min..max} ({@code *} = variadic). An attribute is
 * {@code name:kind}, {@code name:kind=default} or {@code name:kind!} (required). Defaults of list
 * kinds are written {@code [1,2]}; a string default cannot contain spaces.
 */
public final class OpTableReader {
    private OpTableReader() {
    }

    public static List<OpSpec> read(InputStream in, String source) throws IOException {
        List<OpSpec> specs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    specs.add(parseLine(line));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(source + ":" + lineNo + ": bad op table row: " + e.getMessage(), e);
                }
            }
        }
        return specs;
    }

    static OpSpec parseLine(String line) {
        String[] cols = line.split("\t");
        if (cols.length < 4) {
            throw new IllegalArgumentException("need at least 4 tab-separated columns");
        }
        List<Integer> versions = Arrays.stream(cols[1].split(",")).map(String::strip).map(Integer::parseInt).toList();
        List<AttrSpec> attrs = new ArrayList<>();
        if (cols.length > 4) {
            for (String a : cols[4].strip().split("\\s+")) {
                if (!a.isEmpty()) {
                    attrs.add(parseAttr(a));
                }
            }
        }
        return new OpSpec("onnx." + cols[0].strip(), versions, Arity.parse(cols[2].strip()), Arity.parse(cols[3].strip()),
                attrs, null, null, null);
    }

    static AttrSpec parseAttr(String text) {
        boolean required = text.endsWith("!");
        String s = required ? text.substring(0, text.length() - 1) : text;
        int colon = s.indexOf(':');
        int eq = s.indexOf('=');
        String name = s.substring(0, colon);
        AttrKind kind = AttrKind.parse(eq < 0 ? s.substring(colon + 1) : s.substring(colon + 1, eq));
        Attribute dflt = eq < 0 ? null : parseDefault(kind, s.substring(eq + 1));
        return new AttrSpec(name, kind, dflt, required);
    }

    private static Attribute parseDefault(AttrKind kind, String v) {
        return switch (kind) {
            case INT -> new Attribute.IntAttr(Long.parseLong(v));
            case FLOAT -> new Attribute.FloatAttr(Double.parseDouble(v));
            case STRING -> new Attribute.StringAttr(v);
            case INTS, FLOATS, STRINGS -> parseList(kind, v);
            default -> throw new IllegalArgumentException("no default allowed for kind " + kind);
        };
    }

    private static Attribute parseList(AttrKind kind, String v) {
        String body = v.substring(1, v.length() - 1).strip();
        List<Attribute> items = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String item : body.split(",")) {
                AttrKind elem = kind == AttrKind.INTS ? AttrKind.INT : kind == AttrKind.FLOATS ? AttrKind.FLOAT : AttrKind.STRING;
                items.add(parseDefault(elem, item.strip()));
            }
        }
        return new Attribute.ArrayAttr(items);
    }
}
