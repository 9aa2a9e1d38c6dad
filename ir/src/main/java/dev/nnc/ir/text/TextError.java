package dev.nnc.ir.text;

import dev.nnc.ir.core.Location;
import dev.nnc.ir.diag.NncException;
import org.antlr.v4.runtime.Token;

/**
 * An error in IR text. Its message already starts with {@code file:line:col:} (column 1-based),
 * so {@link #oneLine()} does not repeat the location.
 */
final class TextError extends NncException {
    private static final long serialVersionUID = 1L;

    TextError(String file, int line, int column, String message) {
        super(Location.at(file, line, column), file + ":" + line + ":" + column + ": " + message.replace('\n', ' '));
    }

    /** An error at a token (ANTLR columns are 0-based). */
    static TextError at(String file, Token t, String message) {
        return new TextError(file, t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    @Override
    public String oneLine() {
        return getMessage();
    }
}
