package dev.nnc.cli;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model argument and the options that shape how it is read, shared by every command that reads one. */
public final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model (.onnx) or IR text (.nir).")
    private Path model;

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Fix the shape of model input NAME, e.g. --input-shape input=1x3x224x224, replacing "
                    + "symbolic sizes such as a batch dimension. Repeatable; ONNX models only.")
    private Map<String, String> inputShapes = new LinkedHashMap<>();

    public Path model() {
        return model;
    }

    /** Reads, imports or parses the model, and verifies it. */
    public ModuleOp load() {
        return ModelLoader.load(model, inputShapes());
    }

    /** The {@code --input-shape} values as int arrays, by input name. */
    public Map<String, int[]> inputShapes() {
        Map<String, int[]> out = new LinkedHashMap<>();
        inputShapes.forEach((name, dims) -> out.put(name, parseDims(name, dims)));
        return out;
    }

    /** Parses {@code 1x3x224x224} (or {@code 1,3,224,224}); an empty text is a scalar. */
    static int[] parseDims(String name, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("[x,]", -1);
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                dims[i] = -1;
            }
            if (dims[i] < 0) {
                throw new NncException("--input-shape " + name + "=" + text + ": '" + parts[i]
                        + "' is not a size (write sizes like 1x3x224x224)");
            }
        }
        return dims;
    }
}
