package dev.nnc.cli.exec;

import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.cpu.GeneratedSource;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CPU backend as an {@link Executor}: generates and compiles the model's Java class, and
 * writes its source under {@code emitJava} (a source root) when one is given. With the
 * interpreter fallback on, the nodes that run on the interpreter are listed once to {@code notes},
 * and a model whose inputs have symbolic shapes is compiled for the shapes it is given.
 */
public final class CpuExecutor implements Executor {
    private final CpuOptions options;
    private final Path emitJava;
    private final Consumer<String> notes;

    public CpuExecutor(CpuOptions options, Path emitJava) {
        this(options, emitJava, note -> { });
    }

    /** {@code notes} receives one line naming the nodes that run on the interpreter, if any. */
    public CpuExecutor(CpuOptions options, Path emitJava, Consumer<String> notes) {
        this.options = options;
        this.emitJava = emitJava;
        this.notes = notes;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Prepared prepare(ModuleOp module, String modelName) {
        if (options.fallback() && ShapeSpecialiser.needed(module)) {
            return new Specialising(module, modelName);
        }
        CompiledModel model = load(CpuBackend.generate(module, modelName, options.fallback()));
        return new Prepared() {
            @Override
            public Map<String, Tensor> run(Map<String, Tensor> inputs) {
                return model.run(inputs);
            }

            @Override
            public List<RuntimeValue> runValues(List<String> inputNames, List<RuntimeValue> inputs) {
                return model.runValues(inputs);
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }

    /** Writes the source if asked, notes the interpreted nodes, compiles. */
    private CompiledModel load(GeneratedSource src) {
        if (emitJava != null) {
            write(src);
        }
        List<String> interpreted = src.interpreted();
        if (!interpreted.isEmpty()) {
            notes.accept(interpreted.size() + (interpreted.size() == 1 ? " node runs" : " nodes run")
                    + " on the interpreter: " + String.join(", ", interpreted));
        }
        return CpuBackend.load(src, options);
    }

    /**
     * A model with symbolic input shapes: compiled on first use for the shapes of the inputs given
     * (by {@link ShapeSpecialiser}), once per distinct set of input types.
     */
    private final class Specialising implements Prepared {
        private final ModuleOp module;
        private final String modelName;
        private final Map<String, CompiledModel> compiled = new HashMap<>();

        Specialising(ModuleOp module, String modelName) {
            this.module = module;
            this.modelName = modelName;
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            List<String> names = module.mainFunction().inputNames();
            List<RuntimeValue> values = new ArrayList<>();
            for (String n : names) {
                Tensor t = inputs.get(n);
                if (t == null) {
                    throw new NncException("missing input '" + n + "' (model inputs: " + String.join(", ", names) + ")");
                }
                values.add(t);
            }
            return model(values).run(inputs);
        }

        @Override
        public List<RuntimeValue> runValues(List<String> inputNames, List<RuntimeValue> inputs) {
            return model(inputs).runValues(inputs);
        }

        private synchronized CompiledModel model(List<RuntimeValue> inputs) {
            return compiled.computeIfAbsent(ShapeSpecialiser.signature(inputs),
                    k -> load(ShapeSpecialiser.generate(module, modelName, inputs)));
        }

        @Override
        public synchronized void close() {
            compiled.values().forEach(CompiledModel::close);
        }
    }

    private void write(GeneratedSource src) {
        Path file = emitJava.resolve(src.relativePath());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, src.source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileAccess.naming(file, new NncException("cannot write the generated source: " + e.getMessage()));
        }
    }
}
