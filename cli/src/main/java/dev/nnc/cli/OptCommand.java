package dev.nnc.cli;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.passes.CrashReproducer;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnc opt}: runs a pass pipeline on a model and prints the resulting IR text. */
@Command(name = "opt", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Run optimization passes on a model (.onnx or .nir) and print the IR text.",
            "Choose passes with -O0/-O1/-O2 or --pass-pipeline; --list-passes shows them all."})
final class OptCommand implements Callable<Integer> {
    private final PassRegistry registry;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the IR text to FILE instead of standard output.")
    private Path output;

    // help = true: these two need no MODEL
    @Option(names = "--list-passes", help = true, description = "List every pass with its summary and options, and exit.")
    private boolean listPasses;

    @Option(names = "--run-reproducer", paramLabel = "FILE", help = true,
            description = "Replay a crash reproducer written by a failing pass (its IR and pipeline).")
    private Path reproducer;

    @Option(names = "--verify-diagnostics",
            description = "For tests: instead of printing IR, check what the parser, the verifier and the passes report"
                    + " against the 'expected-error@+1 {{text}}' comments of the .nir input (see tests/README.md);"
                    + " exit 0 when exactly those are reported.")
    private boolean verifyDiagnostics;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    OptCommand() {
        this(PassRegistry.standard());
    }

    /** With another set of passes (tests add passes of their own). */
    OptCommand(PassRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        if (listPasses) {
            spec.commandLine().getOut().print(PassListing.format(registry));
            return 0;
        }
        ModuleOp module;
        Pipeline pipeline;
        Path reproducerDir;
        if (reproducer != null) {
            if (modelOptions.model() != null || pipelineOptions.hasPasses()) {
                throw new NncException("--run-reproducer takes its model and pipeline from the reproducer file;"
                        + " give no MODEL, -O or --pass-pipeline");
            }
            ModelLoader.requireFile(reproducer);
            String text = new String(FileAccess.readAll(reproducer), StandardCharsets.UTF_8);
            CrashReproducer.Replay replay = CrashReproducer.load(text, reproducer.toString(), registry);
            module = replay.module();
            pipeline = replay.pipeline();
            reproducerDir = null; // replaying must not overwrite the reproducer by default
        } else {
            pipeline = pipelineOptions.pipeline(registry);
            if (verifyDiagnostics) {
                // expected errors are no crash: no reproducer unless one was asked for
                return ExpectedDiagnosticsMode.run(modelOptions.model(), pipeline,
                        pipelineOptions.manager(registry, spec.commandLine().getErr(), null), spec.commandLine().getErr());
            }
            module = modelOptions.load();
            reproducerDir = Path.of("");
        }
        pipelineOptions.run(pipeline, module, registry, spec.commandLine().getErr(), reproducerDir);
        ImportCommand.writeIr(module, output, spec.commandLine().getOut());
        return 0;
    }
}
