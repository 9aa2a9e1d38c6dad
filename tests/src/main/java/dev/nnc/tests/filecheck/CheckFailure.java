package dev.nnc.tests.filecheck;

/**
 * The output does not satisfy a directive. The message names the directive with its
 * {@code file:line}, says what was expected and shows the output around the position that
 * matters (where the search started, or where an excluded string was found).
 */
public final class CheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient CheckDirective directive;

    CheckFailure(CheckDirective directive, String message) {
        super(message);
        this.directive = directive;
    }

    /** The directive that failed. */
    public CheckDirective directive() {
        return directive;
    }
}
