package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrParser;
import dev.nnc.passes.instrument.IrDumpDirectory;
import dev.nnc.passes.instrument.IrPrinting;
import dev.nnc.passes.instrument.IrPrinting.PassSelection;
import dev.nnc.passes.instrument.TimingReport;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentationTest {
    private static final String PIPELINE = "test-count-ops,test-erase-identity,test-count-ops{statistic=n}";

    @TempDir
    Path dir;

    private PipelineResult run(Instrumentation i) {
        return new PassManager().addInstrumentation(i)
                .run(Pipeline.parse(PIPELINE, TestPasses.registry()), TestPasses.module());
    }

    private String printed(PassSelection before, PassSelection after, boolean onlyOnChange) {
        StringWriter out = new StringWriter();
        run(new IrPrinting(before, after, onlyOnChange, new PrintWriter(out)));
        return out.toString();
    }

    private static List<String> headers(String text) {
        return text.lines().filter(l -> l.startsWith("// -----//")).toList();
    }

    @Test
    void afterAllPrintsEveryPassUnderAHeader() {
        String text = printed(PassSelection.NONE, PassSelection.ALL, false);
        assertEquals(List.of(IrPrinting.header("after", "test-count-ops"), IrPrinting.header("after", "test-erase-identity"),
                IrPrinting.header("after", "test-count-ops")), headers(text));
        assertEquals("// -----// IR dump after test-erase-identity //----- //", IrPrinting.header("after", "test-erase-identity"));
        // each dump parses on its own
        for (String dump : text.split("(?m)^(?=// -----//)")) {
            IrParser.parse(dump, "dump.nir");
        }
    }

    @Test
    void beforeAndAfterChosenPasses() {
        String text = printed(PassSelection.of(Set.of("test-erase-identity")), PassSelection.of(Set.of("test-count-ops")), false);
        assertEquals(List.of(IrPrinting.header("after", "test-count-ops"), IrPrinting.header("before", "test-erase-identity"),
                IrPrinting.header("after", "test-count-ops")), headers(text));
    }

    @Test
    void afterChangePrintsOnlyWhenTheTextChanged() {
        String text = printed(PassSelection.NONE, PassSelection.ALL, true);
        assertEquals(List.of(IrPrinting.header("after", "test-erase-identity")), headers(text));
        assertTrue(!text.contains("onnx.Identity"), text);
    }

    @Test
    void aFailingPassIsDumpedAsFailed() {
        StringWriter out = new StringWriter();
        PassManager pm = new PassManager().addInstrumentation(
                new IrPrinting(PassSelection.NONE, PassSelection.ALL, false, new PrintWriter(out)));
        assertThrows(PassFailure.class, () -> pm.run(Pipeline.parse("test-count-ops,test-break", TestPasses.registry()),
                TestPasses.module()));
        assertEquals(List.of(IrPrinting.header("after", "test-count-ops"), "// -----// IR dump after test-break failed //----- //"),
                headers(out.toString()));
    }

    @Test
    void dumpDirectoryGetsOneParseableNumberedFilePerPass() throws Exception {
        Path out = dir.resolve("dumps");
        run(new IrDumpDirectory(out, false));
        List<String> names;
        try (Stream<Path> files = Files.list(out)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("01-test-count-ops.nir", "02-test-erase-identity.nir", "03-test-count-ops.nir"), names);
        for (String n : names) {
            ModuleOp m = IrParser.parse(Files.readString(out.resolve(n)), n);
            assertEquals(n.startsWith("01") ? 2L : null, TestPasses.counts(m).get("onnx.Identity"), n);
        }
        assertTrue(Files.readString(out.resolve("03-test-count-ops.nir"))
                .startsWith("// IR after pass 3 of 3: test-count-ops{statistic=n}\n"));
    }

    @Test
    void dumpDirectoryOnChangeSkipsUnchangedPasses() throws Exception {
        run(new IrDumpDirectory(dir, true));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("02-test-erase-identity.nir"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void timingTableHasARowPerPassAndATotal() {
        PipelineResult r = run(new Instrumentation() { });
        String table = TimingReport.format(r);
        List<String> lines = table.lines().toList();
        assertEquals(5, lines.size(), table);
        assertTrue(lines.get(0).matches("#  pass +time \\(ms\\) +%  statistics"), lines.get(0));
        Pattern row = Pattern.compile("(\\d|\\s)  (\\S+) +(\\d+\\.\\d{3}) +(\\d+\\.\\d)%(  (.*))?");
        String[] names = {"test-count-ops", "test-erase-identity", "test-count-ops", "total"};
        String[] stats = {"ops=6", "erased=2", "n=4", null};
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            Matcher m = row.matcher(lines.get(i + 1));
            assertTrue(m.matches(), lines.get(i + 1));
            assertEquals(names[i], m.group(2));
            assertEquals(stats[i], m.group(6));
            if (i < 3) {
                sum += Double.parseDouble(m.group(3));
            } else {
                assertEquals(sum, Double.parseDouble(m.group(3)), 0.01);
            }
        }
        // same layout on every run: column positions depend on names only
        String again = TimingReport.format(run(new Instrumentation() { }));
        assertEquals(table.lines().map(l -> l.indexOf("  ")).toList(), again.lines().map(l -> l.indexOf("  ")).toList());
    }
}
