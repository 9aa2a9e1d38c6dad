package dev.nnc.bench;

import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.cpu.Dtype;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
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
 * Latency of one inference on nnc's CPU backend (generated Java, compiled in process during
 * setup, so compilation is not timed), through its public API for data kept in Java arrays
 * ({@link CompiledModel#runArrays}): the input arrays are prepared once in setup, as
 * {@link OrtBench} prepares its ORT tensors, and every output is copied into a fresh array, as
 * ORT's are copied into Java memory; {@code threads} workers, the same inputs and thread counts
 * as {@link OrtBench}. The fork adds
 * {@code jdk.incubator.vector} so the backend uses its vector GEMM, as a user who wants speed
 * would run it (without the module it falls back to the scalar kernel).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CpuBench {
    @Param({"jet_tagger", "mnist8", "ultraface_slim", "residual_block"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    private CompiledModel compiled;
    private Object[] inputs;

    @Setup
    public void compile() {
        BenchModel loaded = BenchModel.load(model);
        compiled = CpuBackend.compile(loaded.module(), model, new CpuOptions(threads));
        List<String> names = compiled.source().inputNames();
        inputs = new Object[names.size()];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = loaded.inputs().get(names.get(i));
            inputs[i] = Dtype.of(t.elementType()).toArray(t);
        }
    }

    @Benchmark
    public Object[] infer() {
        return compiled.runArrays(inputs);
    }

    @TearDown
    public void close() {
        compiled.close();
    }
}
