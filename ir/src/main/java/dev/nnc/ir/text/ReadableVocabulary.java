package dev.nnc.ir.text;

import java.util.Map;
import org.antlr.v4.runtime.Vocabulary;

/** Token names as a user reads them in syntax errors ("expecting value name" rather than VALUE_ID). */
final class ReadableVocabulary implements Vocabulary {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NncIrLexer.VALUE_ID, "value name (%x)"),
            Map.entry(NncIrLexer.BLOCK_ID, "block label (^bb0)"),
            Map.entry(NncIrLexer.BARE_ID, "identifier"),
            Map.entry(NncIrLexer.STRING, "string"),
            Map.entry(NncIrLexer.INT, "integer"),
            Map.entry(NncIrLexer.FLOAT, "float"),
            Map.entry(NncIrLexer.INF, "inf"),
            Map.entry(NncIrLexer.ELEMENT_TYPE, "element type"),
            Map.entry(NncIrLexer.T_ELEMENT_TYPE, "element type"),
            Map.entry(NncIrLexer.T_DIM, "dimension"),
            Map.entry(NncIrLexer.T_STRING, "dimension name"),
            Map.entry(NncIrLexer.ERROR_CHAR, "unexpected character"),
            Map.entry(NncIrLexer.T_ERROR_CHAR, "unexpected character"));

    private final Vocabulary base;

    ReadableVocabulary(Vocabulary base) {
        this.base = base;
    }

    @Override
    public int getMaxTokenType() {
        return base.getMaxTokenType();
    }

    @Override
    public String getLiteralName(int tokenType) {
        return base.getLiteralName(tokenType);
    }

    @Override
    public String getSymbolicName(int tokenType) {
        return base.getSymbolicName(tokenType);
    }

    @Override
    public String getDisplayName(int tokenType) {
        String name = NAMES.get(tokenType);
        return name != null ? name : base.getDisplayName(tokenType);
    }
}
