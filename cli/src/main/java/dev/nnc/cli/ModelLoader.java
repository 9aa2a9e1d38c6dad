package dev.nnc.cli;

import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.verify.Verifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a model for a command: {@code .nir} files through the IR text parser, anything else as
 * ONNX. The result is verified (a hand-edited IR file may be invalid), and every error names the
 * model file.
 */
final class ModelLoader {
    private ModelLoader() {
    }

    /** True for the IR text extension. */
    static boolean isIrText(Path model) {
        return model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nir");
    }

    static ModuleOp load(Path model, Map<String, int[]> inputShapes) {
        requireFile(model);
        ModuleOp module = isIrText(model) ? parseText(model, inputShapes) : withFile(model,
                () -> OnnxImporter.importFile(model, new ImportOptions(inputShapes, ImportOptions.DEFAULT_MAX_TENSOR_BYTES)));
        return withFile(model, () -> {
            Verifier.verifyOrThrow(module.op(), DialectRegistry.standard());
            return module;
        });
    }

    private static ModuleOp parseText(Path model, Map<String, int[]> inputShapes) {
        if (!inputShapes.isEmpty()) {
            throw new NncException(model + ": --input-shape applies to ONNX models only; edit the IR text instead");
        }
        String text = readUtf8(model);
        return withFile(model, () -> IrParser.parse(text, model.toString()));
    }

    /** Runs {@code body}, making sure any error it raises names {@code file}. */
    static <T> T withFile(Path file, Supplier<T> body) {
        try {
            return body.get();
        } catch (NncException e) {
            throw FileAccess.naming(file, e);
        }
    }

    static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new NncException(file + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new NncException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new NncException(file + ": permission denied");
        }
    }

    private static String readUtf8(Path file) {
        byte[] bytes = FileAccess.readAll(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NncException(file + ": not UTF-8 text (is it an ONNX model? give it the .onnx extension)");
        }
    }
}
