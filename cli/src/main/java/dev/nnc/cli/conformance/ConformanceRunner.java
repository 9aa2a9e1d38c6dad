package dev.nnc.cli.conformance;

import dev.nnc.cli.exec.Executor;
import dev.nnc.cli.exec.InterpreterExecutor;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.type.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs test folders in the ONNX backend-test layout ({@code model.onnx} plus
 * {@code test_data_set_N/input_K.pb, output_K.pb}) through import → an {@link Executor} (the
 * reference interpreter unless told otherwise) and compares with the expected outputs. A model
 * the executor cannot take ({@link Executor#prepare} fails with an NncException) is SKIPPED, so a
 * backend's count covers the ops it supports.
 */
public final class ConformanceRunner {
    private static final java.util.Set<String> PLUMBING = java.util.Set.of("onnx.Constant", "onnx.NoValue", "onnx.Identity");
    private final TensorComparison comparison;
    private final long timeoutSeconds;
    private final java.util.function.Consumer<ModuleOp> transform;
    private final Executor executor;

    public ConformanceRunner(TensorComparison comparison, long timeoutSeconds) {
        this(comparison, timeoutSeconds, m -> { }, new InterpreterExecutor());
    }

    /**
     * A runner that applies {@code transform} (e.g. an optimization pipeline) to each imported
     * module before interpreting it; an exception it throws fails the case with its message.
     */
    public ConformanceRunner(TensorComparison comparison, long timeoutSeconds, java.util.function.Consumer<ModuleOp> transform) {
        this(comparison, timeoutSeconds, transform, new InterpreterExecutor());
    }

    /** A runner that executes each imported module with {@code executor} (e.g. the CPU backend). */
    public ConformanceRunner(TensorComparison comparison, long timeoutSeconds, Executor executor) {
        this(comparison, timeoutSeconds, m -> { }, executor);
    }

    public ConformanceRunner(TensorComparison comparison, long timeoutSeconds,
                             java.util.function.Consumer<ModuleOp> transform, Executor executor) {
        this.comparison = comparison;
        this.timeoutSeconds = timeoutSeconds;
        this.transform = transform;
        this.executor = executor;
    }

    public ConformanceRunner() {
        this(TensorComparison.ONNX_NODE_TESTS, 120);
    }

    /** Test folders: each argument is a test folder (has model.onnx) or a folder of them. */
    public static List<Path> collect(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root.resolve("model.onnx"))) {
                out.add(root);
                continue;
            }
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> Files.exists(p.resolve("model.onnx"))).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Runs one test folder with a time limit; never throws. */
    public CaseResult run(Path dir) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            Future<CaseResult> f = ex.submit(() -> runUnbounded(dir, start));
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return result(dir, CaseResult.Status.FAILED, "?", "timed out after " + timeoutSeconds + " s", start);
        } catch (Exception e) {
            return result(dir, CaseResult.Status.FAILED, "?", "runner error: " + e, start);
        } finally {
            ex.shutdownNow();
        }
    }

    private CaseResult runUnbounded(Path dir, long start) {
        String op = "?";
        try {
            ModuleOp module = OnnxImporter.importFile(dir.resolve("model.onnx"));
            op = operatorOf(module);
            transform.accept(module);
            FuncOp main = module.mainFunction();
            List<Path> sets = dataSets(dir);
            if (sets.isEmpty()) {
                return result(dir, CaseResult.Status.SKIPPED, op, "no test_data_set folders", start);
            }
            Executor.Prepared prepared;
            try {
                prepared = executor.prepare(module, dir.getFileName().toString());
            } catch (NncException e) {
                return result(dir, CaseResult.Status.SKIPPED, op, executor.name() + " does not support it: " + e.oneLine(), start);
            }
            try (prepared) {
                for (Path set : sets) {
                    String why = compareSet(prepared, main, set);
                    if (why != null) {
                        return result(dir, CaseResult.Status.FAILED, op, why, start);
                    }
                }
            }
            return result(dir, CaseResult.Status.PASSED, op, "", start);
        } catch (NncException e) {
            return result(dir, CaseResult.Status.FAILED, op, e.oneLine(), start);
        } catch (RuntimeException | IOException | StackOverflowError | OutOfMemoryError e) {
            return result(dir, CaseResult.Status.FAILED, op, "crash: " + e, start);
        }
    }

    /** Runs one data set; null when every output matches, else why not. */
    private String compareSet(Executor.Prepared prepared, FuncOp main, Path set) {
        List<RuntimeValue> inputs = readAll(set, "input", main.arguments().stream().map(Value::type).toList());
        List<RuntimeValue> expected = readAll(set, "output", main.outputs().stream().map(Value::type).toList());
        if (expected.size() != main.outputs().size()) {
            return set.getFileName() + ": " + expected.size() + " expected output files for a model with "
                    + main.outputs().size() + " outputs";
        }
        List<RuntimeValue> actual = prepared.runValues(main.inputNames(), inputs);
        for (int i = 0; i < expected.size(); i++) {
            String why = comparison.mismatch(expected.get(i), actual.get(i));
            if (why != null) {
                return set.getFileName() + " output '" + main.outputNames().get(i) + "': " + why;
            }
        }
        return null;
    }

    private static List<Path> dataSets(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("test_data_set_") && Files.isDirectory(p))
                    .sorted().toList();
        }
    }

    /** Reads {@code prefix_K.pb} files, each as the kind its declared type names (tensor, sequence, optional). */
    private static List<RuntimeValue> readAll(Path set, String prefix, List<Type> declared) {
        int expectedCount = declared.size();
        List<RuntimeValue> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            Path p = set.resolve(prefix + "_" + k + ".pb");
            if (!Files.exists(p)) {
                break;
            }
            out.add(k < declared.size() ? TensorFiles.readValue(p, declared.get(k)) : TensorFiles.readValue(p));
        }
        if (prefix.equals("input") && out.size() != expectedCount) {
            throw new NncException(set + ": " + out.size() + " input files for a model with " + expectedCount + " inputs");
        }
        return out;
    }

    /** The op a test exercises: its one non-plumbing op, else the distinct ops joined by '+'. */
    static String operatorOf(ModuleOp module) {
        TreeSet<String> ops = new TreeSet<>();
        module.op().walk(o -> {
            if (o.dialect().equals("onnx") && !PLUMBING.contains(o.name())) {
                ops.add(o.opName());
            }
        });
        if (ops.isEmpty()) {
            return "Identity";
        }
        return ops.size() == 1 ? ops.first() : "(" + String.join("+", ops) + ")";
    }

    private static CaseResult result(Path dir, CaseResult.Status s, String op, String reason, long start) {
        return new CaseResult(dir.getFileName().toString(), s, op, reason, (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs every folder, reporting each result to {@code progress} as it completes. */
    public List<CaseResult> runAll(List<Path> dirs, java.util.function.Consumer<CaseResult> progress) {
        List<CaseResult> results = new ArrayList<>();
        for (Path d : dirs) {
            CaseResult r = run(d);
            results.add(r);
            progress.accept(r);
        }
        return results;
    }
}
