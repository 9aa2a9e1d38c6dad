package dev.nnc.ir.text;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Turns the first lexer or parser error into a {@link TextError} instead of printing to stderr. */
final class ThrowingErrorListener extends BaseErrorListener {
    private final String file;

    ThrowingErrorListener(String file) {
        this.file = file;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        throw new TextError(file, line, charPositionInLine + 1, "syntax error: " + msg);
    }
}
