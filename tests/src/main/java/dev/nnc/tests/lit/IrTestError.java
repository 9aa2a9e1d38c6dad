package dev.nnc.tests.lit;

/** An IR test file is malformed (bad RUN line, CHECK lines no RUN line checks). */
public final class IrTestError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public IrTestError(String message) {
        super(message);
    }
}
