package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.frontend.ImportOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The IR text is the interface, so for every model the project can import: print, parse, print
 * again gives the same bytes, the parsed module is structurally equal to the imported one, and
 * both verify. One dynamic test per model, so a failure names it. Models that do not import are
 * reported skipped with the import error (their failure belongs to the importer's suites).
 */
class RoundTripTest {
    /** Folders of models under the shared data, each holding {@code NAME/model.onnx}. */
    static final List<String> SOURCES = List.of("models", "onnx-tests/node", "onnx-tests/simple",
            "onnx-tests/pytorch-operator", "onnx-tests/lstm");

    @TestFactory
    Stream<DynamicNode> printParsePrintIsIdentity() throws IOException {
        List<DynamicNode> groups = new ArrayList<>();
        for (String source : SOURCES) {
            Path root = ModelFiles.sharedOrSkip(source, groups);
            if (root == null) {
                continue;
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (Path dir : ModelFiles.subfolders(root)) {
                Path model = dir.resolve("model.onnx");
                if (Files.exists(model)) {
                    tests.add(DynamicTest.dynamicTest(source + "/" + dir.getFileName(), model.toUri(), () -> roundTrip(model)));
                }
            }
            groups.add(DynamicContainer.dynamicContainer(source, tests.stream()));
        }
        return groups.stream();
    }

    static void roundTrip(Path model) {
        ModuleOp imported;
        try {
            imported = OnnxImporter.importFile(model, ImportOptions.defaults());
        } catch (NncException e) {
            Assumptions.abort("does not import: " + e.oneLine());
            return;
        }
        assertVerifies("imported", imported);
        String first = IrPrinter.print(imported);
        ModuleOp parsed;
        try {
            parsed = IrParser.parse(first, model + ".nir");
        } catch (NncException e) {
            fail("printed IR does not parse: " + e.oneLine());
            return;
        }
        String second = IrPrinter.print(parsed);
        String diff = firstDifference(first, second);
        if (diff != null) {
            fail("print(parse(print(m))) differs from print(m): " + diff);
        }
        String structural = StructuralEquality.describeDifference(imported, parsed);
        if (structural != null) {
            fail("parse(print(m)) is not structurally equal to m: " + structural);
        }
        assertVerifies("re-parsed", parsed);
    }

    private static void assertVerifies(String which, ModuleOp m) {
        List<Diagnostic> problems = Verifier.verify(m, DialectRegistry.standard());
        if (!problems.isEmpty()) {
            fail(which + " IR does not verify: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
    }

    /** Where two texts first differ, as line number and both lines; null when equal. */
    static String firstDifference(String a, String b) {
        if (a.equals(b)) {
            return null;
        }
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        for (int i = 0; i < Math.max(la.length, lb.length); i++) {
            String x = i < la.length ? la[i] : "<end of text>";
            String y = i < lb.length ? lb[i] : "<end of text>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": '" + abbreviate(x) + "' became '" + abbreviate(y) + "'";
            }
        }
        return "texts differ in line endings";
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
