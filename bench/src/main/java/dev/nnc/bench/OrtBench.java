package dev.nnc.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one inference on ONNX Runtime, the bar nnc-cpu is judged against: inputs converted to
 * ORT tensors once (as a caller holding native buffers would), outputs copied back to Java memory
 * on every call; {@code threads} intra-op threads, one inter-op thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrtBench {
    @Param({"jet_tagger", "mnist8", "ultraface_slim", "residual_block"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    private OrtModel session;
    private Map<String, OnnxTensor> inputs;

    @Setup
    public void open() throws OrtException, java.io.IOException {
        session = OrtModel.open(SharedModels.model(model).resolve("model.onnx"), threads);
        inputs = session.prepare(session.byName(SharedModels.tensors(SharedModels.model(model).resolve("test_data_set_0"), "input_")));
    }

    @Benchmark
    public List<Object> infer() throws OrtException {
        return session.runPrepared(inputs);
    }

    @TearDown
    public void close() throws OrtException {
        inputs.values().forEach(OnnxTensor::close);
        session.close();
    }
}
