package dev.nnc.cli;

import dev.nnc.cli.exec.Executor;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnc bench}: latency of one inference on a backend, after warm-up runs that let the JIT
 * compile the hot loops. A quick measurement for users; the JMH benchmark against ONNX Runtime
 * is the careful one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Measure a model's inference latency on the interpreter or the CPU backend.",
            "Prints min/median/max over --runs timed runs after untimed warm-up runs (at least --warmup of them, "
                    + "and for at least --warmup-time). Without --input, inputs are uniform random in [-1, 1) from a fixed seed."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "[NAME=]FILE", description = "Input tensors, as for 'nnc run'.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100", description = "Timed runs. Default: 100.")
    private int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "Untimed runs first, so the JIT compiles the hot loops. Default: 100.")
    private int warmup;

    @Option(names = "--warmup-time", paramLabel = "SECONDS", defaultValue = "1",
            description = "Keep warming up until this much time has passed as well: the CPU backend's vector "
                    + "kernels take about a second of JIT compilation to reach full speed, which 100 runs of a "
                    + "small model do not cover. Default: 1.")
    private double warmupSeconds;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0 || !(warmupSeconds >= 0)) {
            throw new NncException("--runs must be at least 1, --warmup and --warmup-time at least 0");
        }
        Executor executor = backendOptions.executor(spec.commandLine().getErr());
        ModuleOp module = pipelineOptions.loadOptimized(modelOptions, spec.commandLine().getErr());
        FuncOp main = module.mainFunction();
        if (main == null) {
            throw new NncException(modelOptions.model() + ": the module has no function to run");
        }
        Map<String, Tensor> in = inputs.isEmpty() ? RandomInputs.of(main) : new InputBinder(main).bind(inputs);
        String name = BackendOptions.modelName(modelOptions.model());
        double[] millis = ModelLoader.withFile(modelOptions.model(), () -> measure(executor, module, name, in));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s on %s, %d thread%s: %d runs after %d warm-up (%.1f s)%n", name, executor.name(),
                backendOptions.threads(), backendOptions.threads() == 1 ? "" : "s", runs, (long) millis[4],
                millis[5] / 1000);
        w.printf(Locale.ROOT, "latency ms: min %.3f  median %.3f  max %.3f%n", millis[1], millis[2], millis[3]);
        w.printf(Locale.ROOT, "prepare ms: %.1f%n", millis[0]);
        if (backendOptions.backend() == BackendOptions.Backend.CPU) {
            w.println("gemm kernel: " + dev.nnc.cpu.runtime.Gemm.kernelName()
                    + (dev.nnc.cpu.runtime.Gemm.kernelName().equals("scalar") ? " (java --add-modules jdk.incubator.vector for the vector one)" : ""));
        }
        return 0;
    }

    /** {prepare time, min, median, max} in milliseconds, then the warm-up runs and their time in milliseconds. */
    private double[] measure(Executor executor, ModuleOp module, String name, Map<String, Tensor> in) {
        long t0 = System.nanoTime();
        try (Executor.Prepared prepared = executor.prepare(module, name)) {
            double prepare = (System.nanoTime() - t0) / 1e6;
            long warmStart = System.nanoTime();
            long warmNanos = (long) (warmupSeconds * 1e9);
            long warmRuns = 0;
            while (warmRuns < warmup || System.nanoTime() - warmStart < warmNanos) {
                prepared.run(in);
                warmRuns++;
            }
            double warmMillis = (System.nanoTime() - warmStart) / 1e6;
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                prepared.run(in);
                times[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(times);
            double median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
            return new double[] {prepare, times[0], median, times[runs - 1], warmRuns, warmMillis};
        }
    }
}
