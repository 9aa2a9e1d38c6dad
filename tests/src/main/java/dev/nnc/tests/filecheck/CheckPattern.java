package dev.nnc.tests.filecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The text after a directive's colon, split into literal text, inline regexes {@code {{re}}},
 * variable definitions {@code [[NAME:re]]} and uses {@code [[NAME]]}. Literal text matches itself
 * except that a run of spaces and tabs matches any such run, as in LLVM FileCheck.
 */
public final class CheckPattern {
    /** One piece of a pattern. */
    sealed interface Part permits Literal, Regex, Define, Use {
    }

    record Literal(String text) implements Part {
    }

    record Regex(String regex) implements Part {
    }

    record Define(String name, String regex) implements Part {
    }

    record Use(String name) implements Part {
    }

    /** A pattern ready to search with: the regex and which named group captures which variable. */
    record Compiled(Pattern regex, Map<String, String> groupOfVariable) {
    }

    private static final Pattern NAME = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");
    private static final String HSPACE = "[ \\t]+";

    private final String text;
    private final List<Part> parts;

    private CheckPattern(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses pattern text (already stripped); throws IllegalArgumentException naming the problem. */
    public static CheckPattern parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("'{{' without a closing '}}'");
                }
                while (end + 2 < text.length() && text.charAt(end + 2) == '}') {
                    end++; // {{a{2}}} is the regex a{2}
                }
                flush(literal, parts);
                String re = text.substring(i + 2, end);
                checkRegex(re);
                parts.add(new Regex(re));
                i = end + 2;
            } else if (text.startsWith("[[", i)) {
                int end = variableEnd(text, i + 2);
                flush(literal, parts);
                parts.add(variable(text.substring(i + 2, end)));
                i = end + 2;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        flush(literal, parts);
        return new CheckPattern(text, parts);
    }

    /** The source text of the pattern. */
    public String text() {
        return text;
    }

    List<Part> parts() {
        return parts;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** True when the pattern defines or uses a variable. */
    boolean hasVariables() {
        return parts.stream().anyMatch(p -> p instanceof Define || p instanceof Use);
    }

    /** The variables used but not defined earlier in the pattern itself, in order. */
    Set<String> outsideUses() {
        Set<String> defined = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Define d) {
                defined.add(d.name());
            } else if (p instanceof Use u && !defined.contains(u.name())) {
                out.add(u.name());
            }
        }
        return out;
    }

    /** The text the pattern would match if its regexes matched nothing: for near-miss hints. */
    String approximateText(Map<String, String> variables) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Use u) {
                sb.append(variables.getOrDefault(u.name(), ""));
            }
        }
        return sb.toString();
    }

    /**
     * The regex for this pattern with {@code variables} substituted; a variable defined earlier in
     * the same pattern becomes a back-reference. Returns null when a used variable is undefined.
     */
    Compiled compile(Map<String, String> variables) {
        StringBuilder re = new StringBuilder();
        Map<String, String> groups = new HashMap<>();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                re.append(literalRegex(l.text()));
            } else if (p instanceof Regex r) {
                re.append("(?:").append(r.regex()).append(')');
            } else if (p instanceof Define d) {
                String group = "v" + groups.size();
                groups.put(d.name(), group);
                re.append("(?<").append(group).append('>').append(d.regex()).append(')');
            } else {
                String name = ((Use) p).name();
                if (groups.containsKey(name)) {
                    re.append("\\k<").append(groups.get(name)).append('>');
                } else if (variables.containsKey(name)) {
                    re.append(literalRegex(variables.get(name)));
                } else {
                    return null;
                }
            }
        }
        return new Compiled(Pattern.compile(re.toString(), Pattern.MULTILINE), groups);
    }

    private static String literalRegex(String literal) {
        StringBuilder re = new StringBuilder();
        String[] words = literal.split(HSPACE, -1);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append(HSPACE);
            }
            if (!words[i].isEmpty()) {
                re.append(Pattern.quote(words[i]));
            }
        }
        return re.toString();
    }

    /** The index of the {@code ]]} closing a variable, skipping brackets of a regex inside it. */
    private static int variableEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0 && text.startsWith("]]", i)) {
                    return i;
                }
                depth = Math.max(0, depth - 1);
            }
        }
        throw new IllegalArgumentException("'[[' without a closing ']]'");
    }

    private static Part variable(String body) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid variable name '" + name + "' in [[" + body + "]]");
        }
        if (colon < 0) {
            return new Use(name);
        }
        String re = body.substring(colon + 1);
        if (re.isEmpty()) {
            throw new IllegalArgumentException("variable '" + name + "' defined with an empty regex");
        }
        checkRegex(re);
        return new Define(name, re);
    }

    private static void checkRegex(String re) {
        try {
            Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex '" + re + "': " + e.getDescription());
        }
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
