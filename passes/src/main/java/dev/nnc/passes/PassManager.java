package dev.nnc.passes;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Pipeline} on a module: checks the stage order before anything runs, then runs
 * each pass with a fresh {@link PassContext}, calls the {@link Instrumentation}s around it,
 * verifies the result ({@link #verifyEach}, on by default) and collects statistics. A failing
 * pass stops the pipeline with a {@link PassFailure}, after the crash reproducer (if enabled)
 * saved the IR from before that pass.
 */
public final class PassManager {
    private final DialectRegistry registry;
    private final List<Instrumentation> instrumentations = new ArrayList<>();
    private boolean verifyEach = true;
    private CrashReproducer reproducer;

    public PassManager(DialectRegistry registry) {
        this.registry = registry;
    }

    public PassManager() {
        this(DialectRegistry.standard());
    }

    /** Whether to run the verifier after every pass (default true). */
    public PassManager verifyEach(boolean on) {
        this.verifyEach = on;
        return this;
    }

    public PassManager addInstrumentation(Instrumentation i) {
        instrumentations.add(i);
        return this;
    }

    /** Saves the IR before a failing pass as configured; null turns reproducers off (the default). */
    public PassManager crashReproducer(CrashReproducer r) {
        this.reproducer = r;
        return this;
    }

    /** Runs {@code pipeline} on {@code module} in place. */
    public PipelineResult run(Pipeline pipeline, ModuleOp module) {
        pipeline.checkStages(IrStage.of(module));
        if (verifyEach) {
            // so that a problem of the input is not blamed on the first pass
            List<Diagnostic> invalid = errors(Verifier.verify(module, registry));
            if (!invalid.isEmpty()) {
                throw new NncException(invalid.get(0).location(), "the input IR does not verify: " + invalid.get(0).message());
            }
        }
        List<PassRun> runs = new ArrayList<>();
        for (int i = 0; i < pipeline.size(); i++) {
            PassStep step = new PassStep(i, pipeline.size(), pipeline.get(i));
            String before = reproducer != null ? IrPrinter.print(module) : null;
            try {
                runs.add(runOne(step, module));
            } catch (Failed f) {
                PassFailure failure = failure(step, pipeline, before, f);
                for (Instrumentation ins : instrumentations) {
                    ins.afterFailure(step, module, failure);
                }
                throw failure;
            }
        }
        return new PipelineResult(runs);
    }

    private PassRun runOne(PassStep step, ModuleOp module) throws Failed {
        for (Instrumentation ins : instrumentations) {
            ins.beforePass(step, module);
        }
        PassContext context = new PassContext(registry);
        long start = System.nanoTime();
        boolean changed;
        try {
            Pass pass = step.entry().create();
            changed = pass.run(module, context);
        } catch (NncException e) {
            List<Diagnostic> all = new ArrayList<>(context.diagnostics());
            if (errors(all).isEmpty()) {
                all.add(Diagnostic.error(e.location(), e.getMessage()));
            }
            throw new Failed("failed: " + e.oneLine(), false, all, e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Failed("crashed: " + e, true, context.diagnostics(), e);
        }
        long nanos = System.nanoTime() - start;
        List<Diagnostic> reported = errors(context.diagnostics());
        if (!reported.isEmpty()) {
            throw new Failed("failed: " + oneLine(reported.get(0)), false, context.diagnostics(), null);
        }
        if (verifyEach) {
            List<Diagnostic> invalid = errors(Verifier.verify(module, registry));
            if (!invalid.isEmpty()) {
                List<Diagnostic> all = new ArrayList<>(context.diagnostics());
                all.addAll(invalid);
                throw new Failed("left invalid IR: " + oneLine(invalid.get(0)), false, all, null);
            }
        }
        List<Diagnostic> warnings = context.diagnostics().stream()
                .filter(d -> d.severity() != Diagnostic.Severity.ERROR).toList();
        PassRun run = new PassRun(step, nanos, changed, context.statistics(), warnings);
        for (Instrumentation ins : instrumentations) {
            ins.afterPass(step, module, run);
        }
        return run;
    }

    private PassFailure failure(PassStep step, Pipeline pipeline, String before, Failed f) {
        String message = "pass '" + step.argument() + "' " + f.getMessage();
        Path file = null;
        if (reproducer != null) {
            try {
                file = reproducer.write(step.argument(), pipeline.from(step.index()), before);
                message += "; reproducer: " + file + " (replay: nnc opt --run-reproducer " + file + ")";
            } catch (IOException e) {
                message += "; could not write the reproducer " + reproducer.fileFor(step.argument()) + ": " + e;
            }
        }
        return new PassFailure(step.argument(), message, f.crashed, file, f.diagnostics, f.getCause());
    }

    private static List<Diagnostic> errors(List<Diagnostic> all) {
        return all.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    private static String oneLine(Diagnostic d) {
        return new NncException(d.location(), d.message()).oneLine();
    }

    /** A failure inside {@link #runOne}, before the reproducer is written. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean crashed;
        final transient List<Diagnostic> diagnostics;

        Failed(String message, boolean crashed, List<Diagnostic> diagnostics, Throwable cause) {
            super(message, cause);
            this.crashed = crashed;
            this.diagnostics = diagnostics;
        }
    }
}
