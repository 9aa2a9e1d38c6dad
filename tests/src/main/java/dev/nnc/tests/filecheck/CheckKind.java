package dev.nnc.tests.filecheck;

/**
 * The kinds of directive, as in LLVM FileCheck. {@code CHECK:} is {@link #PLAIN}; the others are
 * spelled {@code CHECK-NEXT:}, {@code CHECK-COUNT-3:} and so on.
 */
public enum CheckKind {
    /** Matches somewhere after the previous match. */
    PLAIN,
    /** Matches on the line right after the previous match. */
    NEXT,
    /** Matches on the same line as the previous match. */
    SAME,
    /** Must not match between the surrounding positive matches. */
    NOT,
    /** A group of consecutive DAG directives matches in any order. */
    DAG,
    /** Matched first; splits the output into blocks checked separately. */
    LABEL,
    /** The line after the previous match is empty. */
    EMPTY,
    /** Matches a given number of times in a row ({@code CHECK-COUNT-n:}). */
    COUNT;

    /** The suffix after the prefix: {@code ""} for PLAIN, {@code "-NEXT"} otherwise. */
    public String suffix() {
        return this == PLAIN ? "" : "-" + name();
    }

    /** True for the kinds that consume output and move the position forward. */
    boolean positive() {
        return this != NOT && this != DAG;
    }

    /** The kind named by a suffix word such as {@code "NEXT"}, or null. */
    static CheckKind fromWord(String word) {
        for (CheckKind k : values()) {
            if (k != PLAIN && k.name().equals(word)) {
                return k;
            }
        }
        return null;
    }
}
