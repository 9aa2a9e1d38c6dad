package dev.nnc.cpu;

import dev.nnc.cpu.runtime.GeneratedModel;
import dev.nnc.cpu.runtime.Parallel;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model compiled for the CPU, ready to run: converts {@link Tensor}s (double storage) to and
 * from the typed arrays ({@link Dtype}) of the generated class. One inference at a time per instance (the generated
 * class owns its buffers), so {@link #run} is synchronized; close it to stop its worker threads.
 */
public final class CompiledModel implements AutoCloseable {
    private final GeneratedSource source;
    private final Parallel parallel;
    private final GeneratedModel model;

    /**
     * Instantiates an already loaded generated class (e.g. from a compiled model jar); {@code source}
     * supplies its weights and input/output names and shapes (its text is not needed).
     */
    public static CompiledModel of(Class<?> cls, GeneratedSource source, CpuOptions options) {
        return new CompiledModel(cls, source, options);
    }

    CompiledModel(Class<?> cls, GeneratedSource source, CpuOptions options) {
        this.source = source;
        this.parallel = options.threads() == 1 ? Parallel.SERIAL : new Parallel(options.threads());
        Object[] weights = new Object[source.weights().size()];
        for (int i = 0; i < weights.length; i++) {
            Tensor w = source.weights().get(i);
            weights[i] = Dtype.of(w.elementType()).toArray(w);
        }
        try {
            this.model = (GeneratedModel) cls.getConstructor(Object[].class, Parallel.class).newInstance(weights, parallel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + cls.getName(), e);
        }
    }

    /** The generated class (shared by every model compiled from the same source). */
    public Class<?> modelClass() {
        return model.getClass();
    }

    public GeneratedSource source() {
        return source;
    }

    /** Runs the model on inputs by name; returns the outputs by name, in the model's order. */
    public synchronized Map<String, Tensor> run(Map<String, Tensor> inputs) {
        List<String> names = source.inputNames();
        Object[] in = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Tensor t = inputs.get(names.get(i));
            if (t == null) {
                throw new NncException("missing input '" + names.get(i) + "' (model inputs: " + String.join(", ", names) + ")");
            }
            Dtype type = source.inputTypes().get(i);
            if (!Arrays.equals(t.shape(), source.inputShapes().get(i)) || !t.elementType().equals(type.elementType())) {
                throw new NncException("input '" + names.get(i) + "' is " + t.tensorType() + ", the compiled model takes "
                        + Arrays.toString(source.inputShapes().get(i)) + " " + type.elementType());
            }
            in[i] = type.toArray(t);
        }
        for (String given : inputs.keySet()) {
            if (!names.contains(given)) {
                throw new NncException("unknown input '" + given + "' (model inputs: " + String.join(", ", names) + ")");
            }
        }
        Object[] out = new Object[source.outputNames().size()];
        try {
            model.run(in, out);
        } catch (dev.nnc.cpu.runtime.ModelInputError e) {
            throw new NncException(e.getMessage());
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            result.put(source.outputNames().get(i), source.outputTypes().get(i).toTensor(out[i], source.outputShapes().get(i)));
        }
        return result;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
