package dev.nnc.tests.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.frontend.OnnxImporter;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.tests.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text round trip on everything the project can import: for each ONNX model that imports,
 * print → parse → print is byte-identical, parse(print(m)) is structurally equal to m, and both
 * the imported and the re-parsed module verify. Models the importer rejects are counted, not
 * failed (that is the importer's suite); the counts go to {@code target/text-roundtrip-<folder>.txt}.
 */
class TextRoundTripCorpusTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"onnx-tests/node", "onnx-tests/simple", "onnx-tests/pytorch-operator", "onnx-tests/lstm", "models"})
    void everyImportedModelRoundTripsAndVerifies(String folder) throws IOException {
        Path root = TestData.require(folder);
        List<Path> models;
        try (Stream<Path> s = Files.walk(root)) {
            models = s.filter(p -> p.getFileName().toString().equals("model.onnx")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int imported = 0;
        int rejected = 0;
        for (Path model : models) {
            ModuleOp m;
            try {
                m = OnnxImporter.importFile(model);
            } catch (NncException e) {
                rejected++;
                continue;
            }
            imported++;
            String problem = check(m);
            if (problem != null) {
                failures.add(root.relativize(model) + ": " + problem);
            }
        }
        String summary = folder + ": " + models.size() + " models, " + imported + " imported, " + rejected
                + " rejected by the importer, " + failures.size() + " failed the round trip or the verifier";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "text-roundtrip-" + folder.replace('/', '-') + ".txt"),
                summary + "\n" + String.join("\n", failures) + "\n");
        System.out.println(summary);
        assertEquals(List.of(), failures, summary);
        assumeTrue(imported > 0, "the importer accepts no model under " + folder + " yet");
    }

    /** Null when the module round-trips and verifies, else the first problem. */
    private static String check(ModuleOp m) {
        List<Diagnostic> before = Verifier.verify(m, DialectRegistry.standard());
        if (!before.isEmpty()) {
            return "imported IR does not verify: " + before.get(0);
        }
        String text = IrPrinter.print(m);
        ModuleOp back;
        try {
            back = IrParser.parse(text, "printed.nnc");
        } catch (NncException e) {
            return "printed text does not parse: " + e.oneLine();
        }
        if (!text.equals(IrPrinter.print(back))) {
            return "print(parse(print(m))) differs from print(m)";
        }
        String diff = StructuralEquality.describeDifference(m, back);
        if (diff != null) {
            return "parse(print(m)) differs: " + diff;
        }
        List<Diagnostic> after = Verifier.verify(back, DialectRegistry.standard());
        return after.isEmpty() ? null : "re-parsed IR does not verify: " + after.get(0);
    }
}
