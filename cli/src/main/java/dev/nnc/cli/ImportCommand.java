package dev.nnc.cli;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.text.IrPrinter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnc import}: ONNX model in, IR text (onnx dialect) out. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Import an ONNX model and print it as IR text (the onnx dialect).",
            "The text can be edited and given back to other commands as a .nir file.",
            "With -O1/-O2 or --pass-pipeline the passes run before printing (as in 'nnc opt')."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the IR text to FILE instead of standard output.")
    private Path output;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    @Override
    public Integer call() {
        ModuleOp module = pipelineOptions.loadOptimized(modelOptions, spec.commandLine().getErr());
        writeIr(module, output, spec.commandLine().getOut());
        return 0;
    }

    /** Writes the IR text of {@code module} to {@code output}, or to {@code out} when it is null. */
    static void writeIr(ModuleOp module, Path output, java.io.PrintWriter out) {
        String text = IrPrinter.print(module);
        if (output != null) {
            FileAccess.writeAtomically(output, text);
        } else {
            out.print(text);
        }
    }
}
