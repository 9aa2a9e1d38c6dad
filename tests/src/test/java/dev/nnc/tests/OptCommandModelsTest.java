package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.assertOneLineError;
import static dev.nnc.tests.BadInputCliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.passes.OptLevels;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import dev.nnc.tests.BadInputCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc opt} through the real command on a shared model: the Done-when checks. */
class OptCommandModelsTest {
    @TempDir
    Path dir;

    @Test
    void printIrAfterAllOnMnist8WritesOneParseableFilePerPass() throws Exception {
        Path model = TestData.require("models/mnist8/model.onnx");
        Pipeline o2 = OptLevels.pipeline(2, PassRegistry.standard());
        assertFalse(o2.isEmpty(), "-O2 has no registered pass (missing: " + OptLevels.missing(2, PassRegistry.standard()) + ")");
        Path dumps = dir.resolve("dumps");
        Path out = dir.resolve("out.nir");
        Run r = nnc("opt", model.toString(), "-O2", "--print-ir-after-all=" + dumps, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(dumps)) {
            files = s.sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < o2.size(); i++) {
            expected.add(String.format("%02d-%s.nir", i + 1, o2.get(i).argument()));
        }
        assertEquals(expected, files.stream().map(p -> p.getFileName().toString()).toList());
        ModuleOp last = null;
        for (Path f : files) {
            last = IrParser.parse(Files.readString(f), f.toString());
        }
        ModuleOp result = IrParser.parse(Files.readString(out), out.toString());
        assertNull(StructuralEquality.describeDifference(last, result), "the last dump is the output");
    }

    @Test
    void timingOnMnist8HasARowPerPass() {
        Path model = TestData.require("models/mnist8/model.onnx");
        Pipeline o2 = OptLevels.pipeline(2, PassRegistry.standard());
        Run r = nnc("opt", model.toString(), "-O2", "--timing", "-o", dir.resolve("o.nir").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(o2.size() + 2, lines.size(), r.err());
        for (int i = 0; i < o2.size(); i++) {
            assertTrue(lines.get(i + 1).matches(" *" + (i + 1) + "  " + o2.get(i).argument() + " .*"), lines.get(i + 1));
        }
    }

    @Test
    void importWithALevelPrintsWhatOptPrints() {
        String model = TestData.require("models/mnist8/model.onnx").toString();
        Run imported = nnc("import", model, "-O2");
        Run optimized = nnc("opt", model, "-O2");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(0, optimized.code(), optimized.err());
        assertEquals(optimized.out(), imported.out());
        assertEquals(nnc("import", model).out(), nnc("opt", model, "-O0").out());
    }

    @Test
    void listPassesShowsEveryStandardPassWithItsSummary() {
        Run r = nnc("opt", "--list-passes");
        assertEquals(0, r.code(), r.err());
        for (var info : PassRegistry.standard().all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("  " + java.util.regex.Pattern.quote(info.argument())
                    + " +" + java.util.regex.Pattern.quote(info.summary()) + ".*")), info.argument() + " in:\n" + r.out());
        }
    }

    @Test
    void pipelineMistakesAreOneLineWithExitTwo() {
        String model = TestData.require("models/mnist8/model.onnx").toString();
        assertOneLineError(nnc("opt", model, "--pass-pipeline=no-such-pass"), List.of("unknown pass 'no-such-pass'"));
        assertOneLineError(nnc("opt", model, "--pass-pipeline=,"), List.of("pipeline: expected a pass name at column 1"));
        assertOneLineError(nnc("import", model, "--pass-pipeline=no-such-pass"), List.of("unknown pass 'no-such-pass'"));
        assertOneLineError(nnc("opt", model, "-O9"), List.of("-O9: no such optimization level"));
        assertOneLineError(nnc("opt", model, "--print-ir-before=no-such-pass"), List.of("--print-ir-before: unknown pass"));
    }
}
