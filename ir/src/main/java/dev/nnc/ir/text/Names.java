package dev.nnc.ir.text;

import java.util.Set;

/**
 * Legal identifiers for the IR text. SSA names and resource keys use {@code [A-Za-z0-9_$.-]};
 * anything else becomes {@code _}, and a name starting with a digit gets a leading {@code _}
 * so that purely numeric names stay reserved for values without a hint.
 */
final class Names {
    private Names() {
    }

    /**
     * The legal form of a hint, or null when the hint is null or empty. SSA names
     * ({@code isKey = false}) may contain {@code -}; resource and attribute keys are bare
     * identifiers {@code [A-Za-z_][A-Za-z0-9_$.]*}.
     */
    static String sanitize(String hint, boolean isKey) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(hint.length() + 1);
        char first = hint.charAt(0);
        if (Character.isDigit(first) || (isKey && !isLetter(first) && first != '_')) {
            sb.append('_');
        }
        hint.codePoints().forEach(c -> sb.append(isNameChar(c, !isKey) ? (char) c : '_'));
        return sb.toString();
    }

    /** True when {@code key} can be printed without quotes as an attribute or resource key. */
    static boolean isBareKey(String key) {
        return !key.isEmpty() && key.equals(sanitize(key, true));
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(int c, boolean allowDash) {
        return isLetter(c) || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c == '.' || (allowDash && c == '-');
    }

    /** {@code base}, or {@code base_1}, {@code base_2}, ... whichever is not in {@code taken}; adds it. */
    static String unique(String base, Set<String> taken) {
        String name = base;
        for (int i = 1; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        taken.add(name);
        return name;
    }

    /** True for names made of digits only, which the parser treats as hint-less. */
    static boolean isNumeric(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
