package dev.nnc.bench;

import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one inference on the reference interpreter, the baseline every speed-up is counted
 * from. The interpreter is single-threaded, so it has no {@code threads} parameter: the table
 * shows the same measurement on the 1- and 2-thread rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterpreterBench {
    @Param({"jet_tagger", "mnist8", "ultraface_slim", "residual_block"})
    public String model;

    private BenchModel loaded;
    private Interpreter interpreter;

    @Setup
    public void load() {
        loaded = BenchModel.load(model);
        interpreter = new Interpreter();
    }

    @Benchmark
    public Map<String, Tensor> infer() {
        return interpreter.run(loaded.module(), loaded.inputs());
    }
}
