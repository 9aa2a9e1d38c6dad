package dev.nnc.cpu;

import dev.nnc.cpu.runtime.GeneratedModel;
import dev.nnc.cpu.runtime.Parallel;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
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
        int count = source.weights().size();
        Object[] weights = new Object[count + source.nodes().size()];
        for (int i = 0; i < count; i++) {
            Tensor w = source.weights().get(i);
            weights[i] = Dtype.of(w.elementType()).toArray(w);
        }
        for (int i = 0; i < source.nodes().size(); i++) {
            weights[count + i] = source.nodes().get(i); // interpreted nodes follow the weights
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

    /** Runs the model on tensor inputs by name; returns the outputs by name, in the model's order (all tensors). */
    public synchronized Map<String, Tensor> run(Map<String, Tensor> inputs) {
        List<String> names = source.inputNames();
        List<RuntimeValue> in = new ArrayList<>();
        for (String n : names) {
            Tensor t = inputs.get(n);
            if (t == null) {
                throw new NncException("missing input '" + n + "' (model inputs: " + String.join(", ", names) + ")");
            }
            in.add(t);
        }
        for (String given : inputs.keySet()) {
            if (!names.contains(given)) {
                throw new NncException("unknown input '" + given + "' (model inputs: " + String.join(", ", names) + ")");
            }
        }
        List<RuntimeValue> out = runValues(in);
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) {
            String name = source.outputNames().get(i);
            if (out.get(i) != null && !(out.get(i) instanceof Tensor)) {
                throw new NncException("output '" + name + "' is " + out.get(i).kind() + "; only tensor outputs are supported here");
            }
            result.put(name, (Tensor) out.get(i));
        }
        return result;
    }

    /**
     * Runs the model on positional inputs (tensors, or sequences and optionals for the inputs the
     * generated class carries as RuntimeValues); returns the outputs in the model's order.
     */
    public synchronized List<RuntimeValue> runValues(List<? extends RuntimeValue> inputs) {
        List<String> names = source.inputNames();
        if (inputs.size() != names.size()) {
            throw new NncException("the model takes " + names.size() + " inputs, got " + inputs.size());
        }
        Object[] in = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            RuntimeValue v = inputs.get(i);
            Dtype type = source.inputTypes().get(i);
            if (type == null) {
                in[i] = v; // carried as a RuntimeValue: the interpreted nodes that read it check it
                continue;
            }
            if (!(v instanceof Tensor t) || !Arrays.equals(t.shape(), source.inputShapes().get(i))
                    || !t.elementType().equals(type.elementType())) {
                throw new NncException("input '" + names.get(i) + "' is " + (v == null ? "absent" : v.valueType())
                        + ", the compiled model takes " + Arrays.toString(source.inputShapes().get(i)) + " " + type.elementType());
            }
            in[i] = type.toArray(t);
        }
        Object[] out = new Object[source.outputNames().size()];
        try {
            model.run(in, out);
        } catch (dev.nnc.cpu.runtime.ModelInputError e) {
            throw new NncException(e.getMessage());
        }
        List<RuntimeValue> result = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Dtype type = source.outputTypes().get(i);
            result.add(type == null ? (RuntimeValue) out[i] : type.toTensor(out[i], source.outputShapes().get(i)));
        }
        return result;
    }

    /**
     * Runs the model on inputs already held in the generated class's arrays ({@code float[]} for
     * f32, {@code double[]}, {@code long[]}, {@code int[]}, {@code boolean[]}: {@link
     * GeneratedSource#inputTypes()}), row-major in the model's input order; returns a fresh copy
     * of each output array. For callers that keep their data in Java arrays: no conversion from
     * and to {@link Tensor}'s double storage (for a 320x240 image that conversion alone is ~80 µs).
     * Only for models whose inputs and outputs are all tensors.
     */
    public synchronized Object[] runArrays(Object... inputs) {
        List<String> names = source.inputNames();
        if (inputs.length != names.size()) {
            throw new NncException("the model takes " + names.size() + " inputs, got " + inputs.length);
        }
        for (int i = 0; i < inputs.length; i++) {
            Dtype type = source.inputTypes().get(i);
            int size = type == null ? -1 : Arrays.stream(source.inputShapes().get(i)).reduce(1, Math::multiplyExact);
            if (type == null || inputs[i] == null || inputs[i].getClass() != type.arrayClass()
                    || java.lang.reflect.Array.getLength(inputs[i]) != size) {
                throw new NncException("input '" + names.get(i) + "' must be a " + (type == null ? "tensor"
                        : type.javaType() + "[" + size + "]") + " array for runArrays");
            }
        }
        Object[] out = new Object[source.outputNames().size()];
        try {
            model.run(inputs.clone(), out);
        } catch (dev.nnc.cpu.runtime.ModelInputError e) {
            throw new NncException(e.getMessage());
        }
        for (int i = 0; i < out.length; i++) {
            if (source.outputTypes().get(i) == null) {
                throw new NncException("output '" + source.outputNames().get(i) + "' is not a tensor; use runValues");
            }
            int length = java.lang.reflect.Array.getLength(out[i]);
            Object copy = java.lang.reflect.Array.newInstance(out[i].getClass().getComponentType(), length);
            System.arraycopy(out[i], 0, copy, 0, length);
            out[i] = copy;
        }
        return out;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
