package dev.nnc.ir.type;

import java.nio.charset.StandardCharsets;

/** Quoting and unquoting of string literals in the IR text: {@code "a\"b\0A"}. */
public final class StringEscapes {
    private StringEscapes() {
    }

    /** Quotes a string; printable ASCII stays, quote and backslash are escaped, other bytes of the UTF-8 form become {@code \XX}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append('\\').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return sb.append('"').toString();
    }

    /** Inverse of {@link #quote}: takes the literal including its quotes. */
    public static String unquote(String literal) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                char n = literal.charAt(i + 1);
                if (n == '"' || n == '\\') {
                    out.write(n);
                    i++;
                } else {
                    out.write(Integer.parseInt(literal.substring(i + 1, i + 3), 16));
                    i += 2;
                }
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
