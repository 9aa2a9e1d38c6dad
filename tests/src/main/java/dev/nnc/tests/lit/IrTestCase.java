package dev.nnc.tests.lit;

/**
 * One case of an IR test file: the text between two {@code // -----} separators and the line of
 * the file it starts on, so that diagnostics and CHECK failures name the file's own lines.
 */
public record IrTestCase(String fileName, int firstLine, String text) {

    /** {@code passes/cse.nir:12}: the test's name. */
    public String displayName() {
        return fileName + ":" + firstLine;
    }

    /** The text preceded by blank lines, so that line N of the result is line N of the file. */
    public String paddedText() {
        return "\n".repeat(firstLine - 1) + text;
    }
}
