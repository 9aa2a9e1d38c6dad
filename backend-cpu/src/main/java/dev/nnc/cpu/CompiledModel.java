package dev.nnc.cpu;

import dev.nnc.cpu.runtime.GeneratedModel;
import dev.nnc.cpu.runtime.Parallel;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model compiled for the CPU, ready to run: converts {@link Tensor}s (double storage) to and
 * from the f32 arrays of the generated class. One inference at a time per instance (the generated
 * class owns its buffers), so {@link #run} is synchronized; close it to stop its worker threads.
 */
public final class CompiledModel implements AutoCloseable {
    private final GeneratedSource source;
    private final Parallel parallel;
    private final GeneratedModel model;

    CompiledModel(Class<?> cls, GeneratedSource source, CpuOptions options) {
        this.source = source;
        this.parallel = options.threads() == 1 ? Parallel.SERIAL : new Parallel(options.threads());
        float[][] weights = new float[source.weights().size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = toFloats(source.weights().get(i));
        }
        try {
            this.model = (GeneratedModel) cls.getConstructor(float[][].class, Parallel.class).newInstance(weights, parallel);
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
        float[][] in = new float[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            Tensor t = inputs.get(names.get(i));
            if (t == null) {
                throw new NncException("missing input '" + names.get(i) + "' (model inputs: " + String.join(", ", names) + ")");
            }
            if (!Arrays.equals(t.shape(), source.inputShapes().get(i)) || !t.isDoubles()) {
                throw new NncException("input '" + names.get(i) + "' is " + t.tensorType() + ", the compiled model takes "
                        + Arrays.toString(source.inputShapes().get(i)) + " f32");
            }
            in[i] = toFloats(t);
        }
        for (String given : inputs.keySet()) {
            if (!names.contains(given)) {
                throw new NncException("unknown input '" + given + "' (model inputs: " + String.join(", ", names) + ")");
            }
        }
        float[][] out = new float[source.outputNames().size()][];
        model.run(in, out);
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            double[] d = new double[out[i].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = out[i][j];
            }
            result.put(source.outputNames().get(i), Tensor.ofDoubles(FloatType.F32, source.outputShapes().get(i), d));
        }
        return result;
    }

    private static float[] toFloats(Tensor t) {
        double[] d = t.doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
