package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.passes.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassManagerTest {
    private final PassRegistry registry = TestPasses.registry();

    @TempDir
    Path dir;

    private Pipeline pipeline(String text) {
        return Pipeline.parse(text, registry);
    }

    @Test
    void runsPassesInOrderWithStatisticsPerPass() {
        ModuleOp m = TestPasses.module();
        PipelineResult r = new PassManager().run(pipeline("test-count-ops,test-erase-identity,test-count-ops{statistic=after}"), m);
        assertEquals(3, r.runs().size());
        // module, func, 2 identities, relu, return
        assertEquals(6L, r.runs().get(0).statistics().get("ops"));
        assertEquals(2L, r.statistic("test-erase-identity", "erased").orElseThrow());
        assertEquals(4L, r.runs().get(2).statistics().get("after"));
        assertEquals(List.of(false, true, false), r.runs().stream().map(PassRun::changed).toList());
        assertTrue(r.changed());
        assertFalse(TestPasses.counts(m).containsKey("onnx.Identity"));
    }

    @Test
    void instrumentationSeesEveryPassInOrder() {
        List<String> events = new ArrayList<>();
        Instrumentation log = new Instrumentation() {
            @Override
            public void beforePass(PassStep step, ModuleOp module) {
                events.add("before " + step.number() + "/" + step.count() + " " + step.argument());
            }

            @Override
            public void afterPass(PassStep step, ModuleOp module, PassRun run) {
                events.add("after " + step.argument());
            }

            @Override
            public void afterFailure(PassStep step, ModuleOp module, PassFailure failure) {
                events.add("failed " + step.argument());
            }
        };
        PassManager pm = new PassManager().addInstrumentation(log);
        assertThrows(PassFailure.class, () -> pm.run(pipeline("test-count-ops,test-throw,test-count-ops"),
                TestPasses.module()));
        assertEquals(List.of("before 1/3 test-count-ops", "after test-count-ops", "before 2/3 test-throw",
                "failed test-throw"), events);
    }

    @Test
    void verifyEachNamesThePassAndTheOp() {
        PassFailure f = assertThrows(PassFailure.class,
                () -> new PassManager().run(pipeline("test-count-ops,test-break,test-count-ops"), TestPasses.module()));
        assertEquals("pass 'test-break' left invalid IR: test.nir:4:5: node 'id1': onnx.Identity: expects 1 operands, got 2",
                f.oneLine());
        assertFalse(f.crashed());
        assertEquals("test-break", f.pass());
        assertEquals("test.nir:4:5: node 'id1': error: onnx.Identity: expects 1 operands, got 2",
                f.diagnostics().stream().map(Object::toString).reduce("", String::concat));
        new PassManager().verifyEach(false).run(pipeline("test-break"), TestPasses.module());
    }

    @Test
    void invalidInputIsNotBlamedOnTheFirstPass() {
        ModuleOp m = TestPasses.module();
        new PassManager().verifyEach(false).run(pipeline("test-break"), m);
        dev.nnc.ir.diag.NncException e = assertThrows(dev.nnc.ir.diag.NncException.class,
                () -> new PassManager().run(pipeline("test-count-ops"), m));
        assertFalse(e instanceof PassFailure);
        assertEquals("test.nir:4:5: node 'id1': the input IR does not verify: onnx.Identity: expects 1 operands, got 2",
                e.oneLine());
    }

    @Test
    void aReportedErrorFailsThePass() {
        PassFailure f = assertThrows(PassFailure.class,
                () -> new PassManager().run(pipeline("test-error"), TestPasses.module()));
        assertEquals("pass 'test-error' failed: test.nir:4:5: node 'id1': cannot handle this op", f.oneLine());
        assertEquals(1, f.diagnostics().size());
        assertEquals("id1", f.diagnostics().get(0).location().name());
        assertNull(f.reproducer());
    }

    @Test
    void aCrashWritesTheReproducerThatReplaysIt() throws Exception {
        ModuleOp m = TestPasses.module();
        Path file = dir.resolve("repro.nir");
        PassManager pm = new PassManager().crashReproducer(CrashReproducer.toFile(file));
        PassFailure f = assertThrows(PassFailure.class,
                () -> pm.run(pipeline("test-erase-identity,test-throw,test-count-ops{statistic=n}"), m));
        assertTrue(f.crashed());
        assertEquals("pass 'test-throw' crashed: java.lang.IllegalStateException: boom; reproducer: " + file
                + " (replay: nnc opt --run-reproducer " + file + ")", f.oneLine());
        String text = Files.readString(file);
        assertTrue(text.startsWith("// nnc-reproducer: pipeline=test-throw,test-count-ops{statistic=n}\n"), text);

        CrashReproducer.Replay replay = CrashReproducer.load(text, file.toString(), registry);
        assertEquals("test-throw,test-count-ops{statistic=n}", replay.pipeline().toString());
        ModuleOp expected = TestPasses.module();
        new PassManager().run(pipeline("test-erase-identity"), expected);
        assertTrue(StructuralEquality.equal(expected.op(), replay.module().op()),
                "the reproducer holds the IR before the failing pass:\n" + IrPrinter.print(replay.module()));
        PassFailure again = assertThrows(PassFailure.class, () -> new PassManager().run(replay.pipeline(), replay.module()));
        assertEquals("test-throw", again.pass());
    }

    @Test
    void theDefaultReproducerIsNamedAfterThePass() {
        PassManager pm = new PassManager().crashReproducer(CrashReproducer.inDirectory(dir));
        PassFailure f = assertThrows(PassFailure.class, () -> pm.run(pipeline("test-error"), TestPasses.module()));
        assertEquals(dir.resolve("nnc-crash-test-error.nir"), f.reproducer());
        assertTrue(Files.exists(f.reproducer()));
    }

    @Test
    void aFileThatIsNoReproducerIsRejected() {
        var e = assertThrows(dev.nnc.ir.diag.NncException.class,
                () -> CrashReproducer.load(TestPasses.MODULE_TEXT, "m.nir", registry));
        assertEquals("m.nir: not a crash reproducer (its first line must start with '// nnc-reproducer: pipeline=')",
                e.oneLine());
    }
}
