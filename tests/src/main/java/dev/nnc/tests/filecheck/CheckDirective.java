package dev.nnc.tests.filecheck;

/**
 * One directive read from a check file: its kind, prefix, pattern, repeat count (for
 * {@code CHECK-COUNT-n}, else 1) and where it was written, so failures can name {@code file:line}.
 */
public record CheckDirective(CheckKind kind, String prefix, CheckPattern pattern, int count, String file, int line) {

    /** How the directive is spelled: {@code CHECK-NEXT}, {@code CHECK-COUNT-2}. */
    public String spelling() {
        return prefix + (kind == CheckKind.COUNT ? "-COUNT-" + count : kind.suffix());
    }

    /** {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return spelling() + ": " + pattern.text();
    }
}
