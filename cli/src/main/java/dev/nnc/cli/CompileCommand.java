package dev.nnc.cli;

import dev.nnc.ir.io.FileAccess;
import dev.nnc.cli.jar.ModelJar;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.GeneratedSource;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnc compile --target cpu -o model.jar}: the model as a self-contained runnable jar. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Compile a model for a target. cpu: a runnable jar of Java classes generated for the model "
                + "(run it with 'java -jar MODEL.jar --input NAME=FILE.npy [-o OUT.npz]'). The same model and options "
                + "always give the same bytes."})
final class CompileCommand implements Callable<Integer> {
    /** The targets {@code --target} names; only cpu exists so far. */
    enum Target { CPU, FPGA, ASIC, HLS }

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "cpu|fpga|asic|hls", required = true,
            description = "What to compile for. Only cpu is implemented.")
    private Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.jar", required = true, description = "The jar to write.")
    private Path output;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads the jar splits large layers over unless its --threads says otherwise. Default: 1.")
    private int threads = 1;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    @Override
    public Integer call() {
        if (target != Target.CPU) {
            throw new NncException("--target " + target.name().toLowerCase(java.util.Locale.ROOT) + ": not implemented yet");
        }
        if (threads < 1) {
            throw new NncException("--threads must be at least 1, got " + threads);
        }
        FileAccess.requireWritableFolder(output);
        ModuleOp module = pipelineOptions.loadOptimized(modelOptions, spec.commandLine().getErr());
        byte[] jar = ModelLoader.withFile(modelOptions.model(), () -> {
            GeneratedSource src = CpuBackend.generate(module, BackendOptions.modelName(modelOptions.model()));
            return ModelJar.build(src, threads);
        });
        FileAccess.writeAtomically(output, jar);
        return 0;
    }
}
