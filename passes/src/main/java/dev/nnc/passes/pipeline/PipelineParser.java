package dev.nnc.passes.pipeline;

import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.PassInfo;
import dev.nnc.passes.PassRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pipeline text (MLIR's textual pipeline convention):
 * <pre>
 * pipeline := entry (',' entry)*
 * entry    := pass-argument ('{' option* '}')?
 * option   := name ('=' element (',' element)*)?      a bare name sets a bool option to true
 * element  := bare-word | "quoted \" text"
 * </pre>
 * Options are separated by spaces; list values by commas.
 */
final class PipelineParser {
    private final String text;
    private final PassRegistry registry;
    private int pos;

    PipelineParser(String text, PassRegistry registry) {
        this.text = text;
        this.registry = registry;
    }

    Pipeline parse() {
        List<PipelineEntry> entries = new ArrayList<>();
        skipSpace();
        if (pos == text.length()) {
            return Pipeline.EMPTY;
        }
        while (true) {
            entries.add(entry());
            skipSpace();
            if (pos == text.length()) {
                return new Pipeline(entries);
            }
            expect(',', "',' between passes");
            skipSpace();
        }
    }

    private PipelineEntry entry() {
        int start = pos;
        String name = word();
        if (name.isEmpty()) {
            throw error("expected a pass name");
        }
        PassInfo<?> info;
        try {
            info = registry.get(name);
        } catch (NncException e) {
            throw new NncException("pipeline: " + e.getMessage());
        }
        skipSpace();
        PipelineEntry entry = PipelineEntry.of(info);
        if (pos < text.length() && text.charAt(pos) == '{') {
            pos++;
            entry = new PipelineEntry(info, options(info, start));
        }
        try {
            entry.create(); // a pass may check its options when built: report that now, not mid-run
        } catch (IllegalArgumentException e) {
            throw new NncException("pipeline: options of '" + info.argument() + "': " + e.getMessage());
        }
        return entry;
    }

    private <O extends Record> O options(PassInfo<O> info, int start) {
        List<OptionField> fields = OptionField.of(info.optionsType());
        Map<String, Object> values = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos == text.length()) {
                pos = start;
                throw error("'{' of '" + info.argument() + "' is never closed");
            }
            if (text.charAt(pos) == '}') {
                pos++;
                break;
            }
            String name = word();
            if (name.isEmpty()) {
                throw error("expected an option name of '" + info.argument() + "'");
            }
            OptionField field = field(info, fields, name);
            if (values.containsKey(name)) {
                throw new NncException("pipeline: option '" + name + "' of '" + info.argument() + "' is given twice");
            }
            values.put(name, value(info, field));
        }
        try {
            return OptionCodec.build(info.optionsType(), info.defaults(), values);
        } catch (IllegalArgumentException e) {
            throw new NncException("pipeline: options of '" + info.argument() + "': " + e.getMessage());
        }
    }

    private static OptionField field(PassInfo<?> info, List<OptionField> fields, String name) {
        List<String> names = fields.stream().map(OptionField::name).toList();
        for (OptionField f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new NncException("pipeline: '" + info.argument() + "' has no option '" + name + "'"
                + Names.didYouMean(name, names)
                + (names.isEmpty() ? " (it has no options)" : " (options: " + String.join(", ", names) + ")"));
    }

    private Object value(PassInfo<?> info, OptionField field) {
        List<String> elements = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
            if (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '}') {
                elements.add(element());
                while (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    elements.add(element());
                }
            }
        } else if (field.type() == boolean.class || field.type() == Boolean.class) {
            elements.add("true");
        } else {
            throw new NncException("pipeline: option '" + field.name() + "' of '" + info.argument()
                    + "' needs a value (" + field.name() + "=" + field.typeName() + ")");
        }
        try {
            return OptionCodec.parse(field, elements);
        } catch (IllegalArgumentException e) {
            throw new NncException("pipeline: option '" + field.name() + "' of '" + info.argument() + "': "
                    + e.getMessage());
        }
    }

    private String element() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            if (pos == text.length()) {
                pos = start;
                throw error("unterminated quoted value");
            }
            pos++;
            return sb.toString();
        }
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos)) && text.charAt(pos) != '=') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '{' || c == '}' || c == '"';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c, String what) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected " + what);
        }
        pos++;
    }

    private NncException error(String message) {
        String found = pos >= text.length() ? "end of text" : "'" + text.substring(pos, Math.min(text.length(), pos + 12)) + "'";
        return new NncException("pipeline: " + message + " at column " + (pos + 1) + ", found " + found);
    }
}
