package dev.nnc.cli.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. Parsed by a small
 * recursive-descent reader that accepts exactly the literals numpy writes (strings, booleans,
 * tuples of integers), so a malformed header gets a precise reason.
 */
public record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** Parses the dict text; throws {@link IllegalArgumentException} with the reason. */
    public static NpyHeader parse(String text) {
        Map<String, Object> dict = new DictReader(text).readDict();
        Object descr = require(dict, "descr");
        Object fortran = require(dict, "fortran_order");
        Object shape = require(dict, "shape");
        if (!(descr instanceof String d)) {
            throw new IllegalArgumentException("structured or non-string dtypes are not supported");
        }
        if (!(fortran instanceof Boolean f)) {
            throw new IllegalArgumentException("'fortran_order' is not True or False");
        }
        if (!(shape instanceof long[] dims)) {
            throw new IllegalArgumentException("'shape' is not a tuple of integers");
        }
        int[] s = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + dims[i] + " out of range");
            }
            s[i] = (int) dims[i];
        }
        return new NpyHeader(d, f, s);
    }

    private static Object require(Map<String, Object> dict, String key) {
        Object v = dict.get(key);
        if (v == null) {
            throw new IllegalArgumentException("header has no '" + key + "'");
        }
        return v;
    }

    /** The dict text as numpy writes it (without padding or the final newline). */
    public String format() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /** Reader for the dict literal; values are String, Boolean or long[] (a tuple). */
    private static final class DictReader {
        private final String s;
        private int pos;

        DictReader(String s) {
            this.s = s;
        }

        Map<String, Object> readDict() {
            expect('{');
            Map<String, Object> out = new HashMap<>();
            while (peek() != '}') {
                String key = readString();
                expect(':');
                out.put(key, readValue());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            if (peek() != 0) {
                throw error("text after the closing '}'");
            }
            return out;
        }

        private Object readValue() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return readString();
            }
            if (c == '(') {
                return readTuple();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[') {
                throw new IllegalArgumentException("structured dtypes are not supported");
            }
            throw error("unexpected value");
        }

        private long[] readTuple() {
            expect('(');
            List<Long> vals = new ArrayList<>();
            while (peek() != ')') {
                vals.add(readInt());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in shape");
                }
            }
            pos++;
            return vals.stream().mapToLong(Long::longValue).toArray();
        }

        private long readInt() {
            peek();
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a non-negative integer");
            }
            if (pos - start > 12) {
                throw error("dimension too large");
            }
            long v = Long.parseLong(s.substring(start, pos));
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, written by old numpy
            }
            return v;
        }

        private String readString() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("expected a quoted key");
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** Skips whitespace and returns the next char, or 0 at the end. */
        private char peek() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad header at character " + pos + ": " + what);
        }
    }
}
