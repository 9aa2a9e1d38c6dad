package dev.nnc.passes.pipeline;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts option values between records and pipeline text. Values are parsed one element at a
 * time ({@link #parseElement}); a text element that holds spaces, commas, braces, quotes or
 * nothing is written in double quotes with {@code \"} and {@code \\} escapes.
 */
public final class OptionCodec {
    private OptionCodec() {
    }

    /** Parses one element of {@code field}'s type; the message of the exception says what was expected. */
    public static Object parseElement(OptionField field, String text) {
        Class<?> t = field.type();
        try {
            if (t == boolean.class || t == Boolean.class) {
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("'" + text + "' is not a bool (write true or false)");
            } else if (t == int.class || t == Integer.class) {
                return Integer.parseInt(text);
            } else if (t == long.class || t == Long.class) {
                return Long.parseLong(text);
            } else if (t == double.class || t == Double.class) {
                return Double.parseDouble(text);
            } else if (t.isEnum()) {
                for (Object e : t.getEnumConstants()) {
                    if (Names.enumSpelling((Enum<?>) e).equals(text.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("'" + text + "' is not one of " + field.typeName());
            }
            return text;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + (t == int.class || t == Integer.class
                    ? "an int" : "a " + field.typeName()));
        }
    }

    /** Parses the elements of one option value (one element unless the option is a list). */
    public static Object parse(OptionField field, List<String> elements) {
        if (field.list()) {
            List<Object> out = new ArrayList<>();
            for (String e : elements) {
                out.add(parseElement(field, e));
            }
            return List.copyOf(out);
        }
        if (elements.size() != 1) {
            throw new IllegalArgumentException("takes one value, got " + elements.size());
        }
        return parseElement(field, elements.get(0));
    }

    /** The value as pipeline text (list elements joined by commas). */
    public static String format(OptionField field, Object value) {
        if (field.list()) {
            List<String> parts = new ArrayList<>();
            for (Object e : (List<?>) value) {
                parts.add(formatElement(e));
            }
            return String.join(",", parts);
        }
        return formatElement(value);
    }

    private static String formatElement(Object value) {
        if (value instanceof Enum<?> e) {
            return Names.enumSpelling(e);
        }
        String s = String.valueOf(value);
        return needsQuotes(s) ? quote(s) : s;
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '{' || c == '}' || c == '"' || c == '=' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A new options record: {@code defaults} with the given values (by option name) replaced. */
    public static <O extends Record> O build(Class<O> type, O defaults, Map<String, Object> values) {
        RecordComponent[] comps = type.getRecordComponents();
        List<OptionField> fields = OptionField.of(type);
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            OptionField f = fields.get(i);
            args[i] = values.containsKey(f.name()) ? values.get(f.name()) : f.get(defaults);
            types[i] = comps[i].getType();
        }
        try {
            Constructor<O> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            // the record's compact constructor rejected the value: its message says why
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create options " + type.getName(), e);
        }
    }
}
