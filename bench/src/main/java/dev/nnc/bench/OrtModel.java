package dev.nnc.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session on the CPU, configured as the benchmark compares: {@code threads}
 * intra-op threads, one inter-op thread (sequential execution, as nnc runs), graph optimizations
 * left at ORT's default level. Runs on nnc {@link Tensor}s through {@link OrtTensors}, or on
 * tensors converted once ({@link #prepare}) so a benchmark times ORT itself, not our conversion.
 */
public final class OrtModel implements AutoCloseable {
    /** One environment per process; ORT's warnings about the models' quirks are not our output. */
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<String> inputNames;

    private OrtModel(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
        this.inputNames = List.copyOf(session.getInputNames());
    }

    /** Opens {@code model} (initializers made constant, {@link OrtModelFile}) with {@code threads} intra-op threads. */
    public static OrtModel open(Path model, int threads) throws OrtException, IOException {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            return new OrtModel(env, env.createSession(OrtModelFile.withConstantInitializers(model), options));
        }
    }

    /** The process's ORT environment, created with errors-only logging. */
    public static OrtEnvironment environment() {
        return ENV;
    }

    /** The graph's inputs in the model's order (initializers excluded). */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Binds positional tensors (e.g. input_K.pb of a data set) to the input names. */
    public Map<String, Tensor> byName(List<Tensor> positional) {
        if (positional.size() != inputNames.size()) {
            throw new IllegalArgumentException("model takes " + inputNames.size() + " inputs " + inputNames + ", got " + positional.size());
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            m.put(inputNames.get(i), positional.get(i));
        }
        return m;
    }

    /** Inputs converted to ORT tensors once; close them when done. */
    public Map<String, OnnxTensor> prepare(Map<String, Tensor> inputs) throws OrtException {
        Map<String, OnnxTensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            m.put(e.getKey(), OrtTensors.toOrt(env, e.getValue()));
        }
        return m;
    }

    /** Runs on prepared inputs and copies every output's bytes into Java memory, as a caller would. */
    public List<Object> runPrepared(Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession.Result r = session.run(inputs)) {
            List<Object> outs = new ArrayList<>(r.size());
            for (Map.Entry<String, OnnxValue> e : r) {
                outs.add(((OnnxTensor) e.getValue()).getByteBuffer());
            }
            return outs;
        }
    }

    /** Runs on nnc tensors; outputs by name, in the model's order. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) throws OrtException {
        Map<String, OnnxTensor> in = prepare(inputs);
        try (OrtSession.Result r = session.run(in)) {
            Map<String, Tensor> outs = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) {
                outs.put(e.getKey(), OrtTensors.fromOrt((OnnxTensor) e.getValue()));
            }
            return outs;
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
