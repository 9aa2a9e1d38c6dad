package dev.nnc.cli;

import dev.nnc.cli.exec.Executor;
import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnc run}: evaluates a model on given inputs with the reference interpreter or the CPU backend. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Run a model on the reference interpreter (or the CPU backend) and print or save its outputs.",
            "Inputs are .npy, .npz or ONNX TensorProto .pb files. Outputs are summarised (type, shape, "
                    + "min/max/mean, first values, argmax) or written with -o to .npz (or .npy for one output)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "[NAME=]FILE",
            description = "A tensor for model input NAME (repeatable). Without NAME= the file fills the next "
                    + "input not given by name; an .npz without NAME= gives inputs by its array names.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Save all outputs to FILE.npz (or FILE.npy when the model has one output).")
    private Path output;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    @Override
    public Integer call() {
        checkOutputKind();
        Executor executor = backendOptions.executor(spec.commandLine().getErr());
        ModuleOp module = pipelineOptions.loadOptimized(modelOptions, spec.commandLine().getErr());
        FuncOp main = module.mainFunction();
        if (main == null) {
            throw new NncException(modelOptions.model() + ": the module has no function to run");
        }
        Map<String, Tensor> in = new InputBinder(main).bind(inputs);
        Map<String, Tensor> out = ModelLoader.withFile(modelOptions.model(), () -> {
            try (Executor.Prepared prepared = executor.prepare(module, BackendOptions.modelName(modelOptions.model()))) {
                return prepared.run(in);
            }
        });
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            out.forEach((name, t) -> w.println(t == null ? name + ": (no value)" : TensorSummary.describe(name, t)));
        } else {
            save(out);
        }
        return 0;
    }

    private void save(Map<String, Tensor> out) {
        Map<String, Tensor> present = new LinkedHashMap<>();
        out.forEach((name, t) -> {
            if (t != null) {
                present.put(name, t);
            }
        });
        try {
            if (!isNpy(output)) {
                Npz.write(output, present);
            } else if (out.size() == 1 && present.size() == 1) {
                Npy.write(output, present.values().iterator().next());
            } else {
                throw new NncException("the model has " + out.size() + " outputs; save them to an .npz");
            }
        } catch (NncException e) {
            throw FileAccess.naming(output, e);
        }
    }

    /** Rejects an unusable -o before any work is done. */
    private void checkOutputKind() {
        if (output == null) {
            return;
        }
        String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".npz") && !n.endsWith(".npy")) {
            throw new NncException(output + ": output file must end in .npz (or .npy for a single output)");
        }
        FileAccess.requireWritableFolder(output);
    }

    private static boolean isNpy(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }
}
