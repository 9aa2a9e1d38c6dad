package dev.nnc.cli;

import dev.nnc.cli.io.TensorFileReader;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches {@code --input [NAME=]FILE} arguments to a function's inputs and checks each tensor
 * against the input's declared type. Unnamed files fill the inputs not named explicitly, in
 * order; an {@code .npz} without a name supplies inputs by its array names.
 */
final class InputBinder {
    private final FuncOp function;
    private final List<String> inputNames;

    InputBinder(FuncOp function) {
        this.function = function;
        this.inputNames = function.inputNames();
    }

    /** The tensors for every input, by name, in the function's input order. */
    Map<String, Tensor> bind(List<String> specs) {
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        List<Path> unnamed = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name = eq > 0 ? spec.substring(0, eq) : null;
            if (name != null && inputNames.contains(name)) {
                Path file = Path.of(spec.substring(eq + 1));
                put(named, sources, name, TensorFileReader.readOne(file), file);
            } else if (name != null && !Files.exists(Path.of(spec))) {
                throw new NncException("--input " + spec + ": the model has no input '" + name
                        + "' (its inputs: " + String.join(", ", inputNames) + ")");
            } else if (TensorFileReader.kind(Path.of(spec)) == TensorFileReader.Kind.NPZ) {
                Path file = Path.of(spec);
                for (Map.Entry<String, Tensor> e : TensorFileReader.readAll(file).entrySet()) {
                    if (!inputNames.contains(e.getKey())) {
                        throw new NncException(file + ": array '" + e.getKey() + "' is not a model input (its inputs: "
                                + String.join(", ", inputNames) + ")");
                    }
                    put(named, sources, e.getKey(), e.getValue(), file);
                }
            } else {
                unnamed.add(Path.of(spec));
            }
        }
        List<String> open = inputNames.stream().filter(n -> !named.containsKey(n)).toList();
        if (unnamed.size() > open.size()) {
            throw new NncException("--input " + unnamed.get(open.size()) + ": no model input left for it (inputs: "
                    + String.join(", ", inputNames) + "; name it as NAME=FILE)");
        }
        for (int i = 0; i < unnamed.size(); i++) {
            put(named, sources, open.get(i), TensorFileReader.readOne(unnamed.get(i)), unnamed.get(i));
        }
        List<String> missing = inputNames.stream().filter(n -> !named.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new NncException("missing --input for model input" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String n : inputNames) {
            ordered.put(n, named.get(n));
        }
        return ordered;
    }

    private void put(Map<String, Tensor> named, Map<String, Path> sources, String name, Tensor t, Path file) {
        if (named.containsKey(name)) {
            throw new NncException(file + ": input '" + name + "' is already given by " + sources.get(name));
        }
        check(name, t, file);
        named.put(name, t);
        sources.put(name, file);
    }

    /** Fails unless {@code t} has the element type and every known size of the declared input. */
    private void check(String name, Tensor t, Path file) {
        Value arg = function.arguments().get(inputNames.indexOf(name));
        Type declared = arg.type();
        if (!(declared instanceof TensorType tt)) {
            return;
        }
        boolean ok = tt.elementType().equals(t.elementType());
        if (ok && tt.hasRank()) {
            ok = tt.rank() == t.rank();
            for (int i = 0; ok && i < t.rank(); i++) {
                Dim d = tt.dims().get(i);
                ok = !(d instanceof Dim.Known k) || k.size() == t.dim(i);
            }
        }
        if (!ok) {
            throw new NncException(file + ": input '" + name + "' of the model is " + tt + " but the file holds "
                    + t.tensorType());
        }
    }
}
