package dev.nnc.tests.filecheck;

/**
 * The check file itself is wrong (a bad regex, an empty pattern, a misspelled directive, no
 * directives at all): the test is broken, not the output. Extends AssertionError so that JUnit
 * reports it as a failure of the case.
 */
public final class CheckFileError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CheckFileError(String message) {
        super(message);
    }
}
