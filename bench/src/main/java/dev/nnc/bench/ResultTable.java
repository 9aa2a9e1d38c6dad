package dev.nnc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the markdown tables of docs/benchmarks.md: one
 * row per model and thread count with the median (and, in a second table, the minimum) latency of
 * each engine and the ratios to ONNX Runtime (above 1 = slower than ORT). A benchmark without a {@code threads} parameter (the
 * single-threaded interpreter) fills every row of its model. Usage: {@code ResultTable FILE.json...}.
 */
public final class ResultTable {
    /** Engines in column order, keyed by the simple name of their benchmark class. */
    private static final Map<String, String> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put("CpuBench", "nnc-cpu");
        ENGINES.put("InterpreterBench", "interpreter");
        ENGINES.put("OrtBench", "ONNX Runtime");
    }

    private ResultTable() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        for (String file : args) {
            json.readTree(Path.of(file).toFile()).forEach(results::add);
        }
        // UTF-8 whatever the platform's console encoding: the table holds µ and —.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.print("Median latency:\n\n" + render(results, MEDIAN) + "\nFastest call (steadier than the median on a busy machine):\n\n"
                + render(results, MINIMUM));
        out.flush();
    }

    /** JMH's percentile keys of the two statistics the tables show. */
    public static final String MEDIAN = "50.0";
    public static final String MINIMUM = "0.0";

    /** The markdown table of the given JMH result objects at percentile {@code percentile} (e.g. {@link #MEDIAN}). */
    public static String render(List<JsonNode> results, String percentile) {
        // model -> threads (0 = any) -> engine -> latency in microseconds
        Map<String, Map<Integer, Map<String, Double>>> medians = new LinkedHashMap<>();
        TreeSet<Integer> threadCounts = new TreeSet<>();
        for (JsonNode r : results) {
            String bench = r.path("benchmark").asText();
            String cls = bench.substring(0, bench.lastIndexOf('.'));
            String engine = ENGINES.get(cls.substring(cls.lastIndexOf('.') + 1));
            if (engine == null) {
                continue;
            }
            JsonNode params = r.path("params");
            int threads = params.has("threads") ? params.get("threads").asInt() : 0;
            if (threads > 0) {
                threadCounts.add(threads);
            }
            medians.computeIfAbsent(params.path("model").asText(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(threads, k -> new LinkedHashMap<>()).put(engine, micros(r.path("primaryMetric"), percentile));
        }
        if (threadCounts.isEmpty()) {
            threadCounts.add(1);
        }
        StringBuilder out = new StringBuilder();
        out.append("| model | threads | nnc-cpu | interpreter | ONNX Runtime | nnc-cpu / ORT | interpreter / ORT |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Map<Integer, Map<String, Double>>> m : medians.entrySet()) {
            for (int threads : threadCounts) {
                Map<String, Double> row = new LinkedHashMap<>(m.getValue().getOrDefault(0, Map.of()));
                row.putAll(m.getValue().getOrDefault(threads, Map.of()));
                Double cpu = row.get("nnc-cpu");
                Double interp = row.get("interpreter");
                Double ort = row.get("ONNX Runtime");
                out.append("| ").append(m.getKey()).append(" | ").append(threads)
                        .append(" | ").append(latency(cpu)).append(" | ").append(latency(interp)).append(" | ").append(latency(ort))
                        .append(" | ").append(ratio(cpu, ort)).append(" | ").append(ratio(interp, ort)).append(" |\n");
            }
        }
        return out.toString();
    }

    /** A percentile of SampleTime's distribution (the score in other modes), in microseconds. */
    static double micros(JsonNode metric, String percentile) {
        JsonNode p = metric.path("scorePercentiles").path(percentile);
        double v = p.isNumber() ? p.asDouble() : metric.path("score").asDouble();
        String unit = metric.path("scoreUnit").asText();
        switch (unit) {
            case "ns/op": return v / 1e3;
            case "us/op": return v;
            case "ms/op": return v * 1e3;
            case "s/op": return v * 1e6;
            default: throw new IllegalArgumentException("unexpected JMH unit " + unit + " (use a time mode)");
        }
    }

    static String latency(Double micros) {
        if (micros == null) {
            return "—";
        }
        if (micros < 1e3) {
            return String.format(Locale.ROOT, "%.1f µs", micros);
        }
        return micros < 1e6 ? String.format(Locale.ROOT, "%.2f ms", micros / 1e3) : String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }

    static String ratio(Double a, Double b) {
        return a == null || b == null ? "—" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
