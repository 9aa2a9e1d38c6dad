package dev.nnc.ir.text;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.NncIrParser.ResourceDialectContext;
import dev.nnc.ir.text.NncIrParser.ResourceEntryContext;
import dev.nnc.ir.text.NncIrParser.ResourceSectionContext;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Reads the text {@link IrPrinter} writes (generic form, {@code //} comments, resource section)
 * back into IR. Every problem, syntactic or semantic (undefined or redefined value, operand type
 * not matching the signature, unknown resource), is an {@link NncException} whose one-line
 * message starts with {@code file:line:col:}.
 */
public final class IrParser {
    private IrParser() {
    }

    /** Parses a whole file whose top-level op must be {@code builtin.module}. */
    public static ModuleOp parse(String text, String fileName) {
        Operation op = parseOperation(text, fileName);
        if (!op.name().equals(BuiltinDialect.MODULE)) {
            throw new TextError(fileName, op.location().line(), op.location().column(),
                    "expected a \"builtin.module\" at the top, got \"" + op.name() + "\"");
        }
        return new ModuleOp(op);
    }

    /** Parses one top-level operation (with the resource section it refers to). */
    public static Operation parseOperation(String text, String fileName) {
        ThrowingErrorListener errors = new ThrowingErrorListener(fileName);
        NncIrLexer lexer = new NncIrLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        Vocabulary readable = new ReadableVocabulary(NncIrParser.VOCABULARY);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(tokens, fileName);
        NncIrParser parser = new NncIrParser(tokens) {
            @Override
            public Vocabulary getVocabulary() {
                return readable;
            }
        };
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        NncIrParser.FileContext tree = parser.file();
        TypeReader types = new TypeReader(fileName);
        DenseReader dense = new DenseReader(fileName, types, blobs(tree.resourceSection(), fileName, types));
        IrBuilder builder = new IrBuilder(fileName, types, new AttrReader(fileName, types, dense));
        return builder.operation(tree.operation(), null);
    }

    /**
     * The parser and builder recurse once per bracket level, so hostile input (thousands of nested
     * '[') would overflow the stack; no real module nests anywhere near this deep.
     */
    static final int MAX_NESTING = 256;

    private static void checkNesting(CommonTokenStream tokens, String fileName) {
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == NncIrLexer.LPAREN || type == NncIrLexer.LBRACE || type == NncIrLexer.LBRACKET) {
                if (++depth > MAX_NESTING) {
                    throw TextError.at(fileName, t, "nesting deeper than " + MAX_NESTING);
                }
            } else if (type == NncIrLexer.RPAREN || type == NncIrLexer.RBRACE || type == NncIrLexer.RBRACKET) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    private static Map<String, String> blobs(ResourceSectionContext c, String file, TypeReader types) {
        Map<String, String> out = new HashMap<>();
        if (c == null) {
            return out;
        }
        if (!c.BARE_ID().getText().equals("dialect_resources")) {
            throw TextError.at(file, c.BARE_ID().getSymbol(), "expected 'dialect_resources', got '" + c.BARE_ID().getText() + "'");
        }
        for (ResourceDialectContext d : c.resourceDialect()) {
            if (!d.BARE_ID().getText().equals("builtin")) {
                throw TextError.at(file, d.BARE_ID().getSymbol(), "unknown resource dialect '" + d.BARE_ID().getText() + "'");
            }
            for (ResourceEntryContext e : d.resourceEntry()) {
                NncIrParser.KeyContext k = e.resourceKey().key();
                String key = k.STRING() != null ? types.unquote(k.STRING().getSymbol()) : k.getText();
                String hex = e.STRING().getText();
                if (out.put(key, hex.substring(1, hex.length() - 1)) != null) {
                    throw TextError.at(file, e.start, "resource '" + key + "' defined twice");
                }
            }
        }
        return out;
    }
}
