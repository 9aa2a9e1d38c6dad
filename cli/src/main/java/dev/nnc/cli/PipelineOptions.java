package dev.nnc.cli;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.CrashReproducer;
import dev.nnc.passes.Instrumentation;
import dev.nnc.passes.OptLevels;
import dev.nnc.passes.PassManager;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.PipelineResult;
import dev.nnc.passes.instrument.IrDumpDirectory;
import dev.nnc.passes.instrument.IrPrinting;
import dev.nnc.passes.instrument.IrPrinting.PassSelection;
import dev.nnc.passes.instrument.TimingReport;
import dev.nnc.passes.pipeline.Names;
import dev.nnc.passes.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The pass pipeline options shared by {@code nnc opt}, {@code import}, {@code run} and {@code bench} (a picocli mixin):
 * which passes to run and how to watch them. IR dumps and the timing table go to stderr.
 */
public final class PipelineOptions {
    @Option(names = "-O", paramLabel = "LEVEL",
            description = "Run the default pipeline of an optimization level, written -O0 (nothing), -O1 (cleanups)"
                    + " or -O2 (all graph optimizations). With --pass-pipeline, its passes run after the level's.")
    Integer level;

    @Option(names = "--pass-pipeline", paramLabel = "TEXT",
            description = "Passes to run, e.g. 'canonicalize,fuse{activations=relu,clip size-limit=10},dce'"
                    + " (options in braces separated by spaces, list values by commas; see --list-passes).")
    String pipelineText;

    @Option(names = "--print-ir-before", paramLabel = "PASS", split = ",",
            description = "Print the IR to stderr before each run of these passes.")
    List<String> printBefore = new ArrayList<>();

    @Option(names = "--print-ir-after", paramLabel = "PASS", split = ",",
            description = "Print the IR to stderr after each run of these passes.")
    List<String> printAfter = new ArrayList<>();

    @Option(names = "--print-ir-after-all", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            preprocessor = OptionalDirectory.class,
            description = "Print the IR after every pass: to stderr, or with DIR as one numbered file per pass"
                    + " (DIR/01-canonicalize.nir, ...), each a valid IR file.")
    String printAfterAll;

    @Option(names = "--print-ir-after-change",
            description = "Print the IR after a pass only if the pass changed it (alone: after every pass that did).")
    boolean printAfterChange;

    @Option(names = "--verify-each", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the verifier after every pass (default: on; --no-verify-each turns it off).")
    boolean verifyEach;

    @Option(names = "--timing", description = "Print a table of the time and statistics of every pass to stderr.")
    boolean timing;

    @Option(names = "--crash-reproducer", paramLabel = "FILE",
            description = "When a pass fails, save the IR before it and the rest of the pipeline to FILE"
                    + " (default: nnc-crash-PASS.nir in the working directory); replay with"
                    + " 'nnc opt --run-reproducer FILE'.")
    Path crashReproducer;

    /**
     * Takes {@code DIR} only when the next argument is not a model file or an option, so
     * {@code --print-ir-after-all model.onnx} prints to stderr instead of eating the model.
     */
    static final class OptionalDirectory implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec arg, Map<String, Object> info) {
            if (" ".equals(info.get("separator")) && (args.isEmpty() || looksLikeModelOrOption(args.peek()))) {
                args.push("");
            }
            return false;
        }

        private static boolean looksLikeModelOrOption(String next) {
            String n = next.toLowerCase(Locale.ROOT);
            return n.startsWith("-") || n.endsWith(".onnx") || n.endsWith(".nir");
        }
    }

    /**
     * Loads the model and runs the chosen passes on it (none without -O or --pass-pipeline), for
     * commands that use the result ({@code import}, {@code run}, {@code bench}).
     */
    ModuleOp loadOptimized(ModelOptions model, PrintWriter err) {
        PassRegistry registry = PassRegistry.standard();
        Pipeline pipeline = pipeline(registry);
        ModuleOp module = model.load();
        if (!pipeline.isEmpty()) {
            run(pipeline, module, registry, err, Path.of(""));
        }
        return module;
    }

    /** The pipeline the options name: the -O level's passes, then --pass-pipeline's. */
    Pipeline pipeline(PassRegistry registry) {
        Pipeline p = level == null ? Pipeline.EMPTY : levelPipeline(registry);
        if (pipelineText != null) {
            p = p.then(Pipeline.parse(pipelineText, registry));
        }
        return p;
    }

    private Pipeline levelPipeline(PassRegistry registry) {
        if (level < 0 || level > OptLevels.MAX) {
            throw new NncException("-O" + level + ": no such optimization level (use -O0 to -O" + OptLevels.MAX + ")");
        }
        return OptLevels.pipeline(level, registry);
    }

    /** True when any pass was asked for. */
    boolean hasPasses() {
        return level != null || pipelineText != null;
    }

    /** A pass manager with the requested verification, instrumentation and crash reproducer. */
    PassManager manager(PassRegistry registry, PrintWriter err, Path defaultReproducerDir) {
        PassManager pm = new PassManager().verifyEach(verifyEach);
        PassSelection before = selection("--print-ir-before", printBefore, registry);
        PassSelection after = selection("--print-ir-after", printAfter, registry);
        boolean toDirectory = printAfterAll != null && !printAfterAll.isEmpty();
        if (printAfterAll != null && !toDirectory || printAfterChange && printAfterAll == null && after.isEmpty()) {
            after = PassSelection.ALL;
        }
        if (!before.isEmpty() || !after.isEmpty()) {
            pm.addInstrumentation(new IrPrinting(before, after, printAfterChange, err));
        }
        if (toDirectory) {
            pm.addInstrumentation(new IrDumpDirectory(Path.of(printAfterAll), printAfterChange));
        }
        if (crashReproducer != null) {
            pm.crashReproducer(CrashReproducer.toFile(crashReproducer));
        } else if (defaultReproducerDir != null) {
            pm.crashReproducer(CrashReproducer.inDirectory(defaultReproducerDir));
        }
        return pm;
    }

    /**
     * Runs {@code pipeline} on {@code module} with the requested instrumentation; a failing pass
     * writes a reproducer to {@code defaultReproducerDir} unless another file was given (null: none).
     */
    PipelineResult run(Pipeline pipeline, ModuleOp module, PassRegistry registry, PrintWriter err,
                       Path defaultReproducerDir) {
        PassManager pm = manager(registry, err, defaultReproducerDir);
        // warnings as each pass ends, so that those before a failing pass are shown too
        pm.addInstrumentation(Instrumentation.onEachRun(r -> r.warnings().forEach(w -> err.println("nnc: warning: "
                + r.step().argument() + ": " + new NncException(w.location(), w.message()).oneLine()))));
        PipelineResult result = pm.run(pipeline, module);
        if (timing) {
            err.print(TimingReport.format(result));
        }
        err.flush();
        return result;
    }

    private static PassSelection selection(String option, List<String> names, PassRegistry registry) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String name = n.strip();
            if (!registry.contains(name)) {
                throw new NncException(option + ": unknown pass '" + name + "'"
                        + Names.didYouMean(name, registry.arguments()) + " (see 'nnc opt --list-passes')");
            }
            out.add(name);
        }
        return PassSelection.of(out);
    }
}
