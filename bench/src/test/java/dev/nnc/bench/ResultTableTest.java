package dev.nnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMH's JSON becomes one row per model and thread count, latencies converted and ratios to ORT. */
class ResultTableTest {
    private static String result(String cls, String params, double p50, String unit) {
        return "{\"benchmark\":\"dev.nnc.bench." + cls + ".infer\",\"mode\":\"sample\",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":999.0,\"scoreUnit\":\"" + unit + "\",\"scorePercentiles\":{\"0.0\":" + p50 / 2 + ",\"50.0\":" + p50 + "}}}";
    }

    @Test
    void rowsPerModelAndThreadsWithRatios() throws Exception {
        String json = "[" + String.join(",",
                result("OrtBench", "\"model\":\"mnist8\",\"threads\":\"1\"", 100.0, "us/op"),
                result("OrtBench", "\"model\":\"mnist8\",\"threads\":\"2\"", 0.08, "ms/op"),
                result("CpuBench", "\"model\":\"mnist8\",\"threads\":\"1\"", 150.0, "us/op"),
                result("InterpreterBench", "\"model\":\"mnist8\"", 2_500_000.0, "ns/op"),
                result("InterpreterBench", "\"model\":\"ultraface_slim\"", 1.5, "s/op"),
                result("SomethingElse", "\"model\":\"mnist8\",\"threads\":\"1\"", 1.0, "us/op")) + "]";
        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(results::add);
        String expected = """
                | model | threads | nnc-cpu | interpreter | ONNX Runtime | nnc-cpu / ORT | interpreter / ORT |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                | mnist8 | 1 | 150.0 µs | 2.50 ms | 100.0 µs | 1.50 | 25.00 |
                | mnist8 | 2 | — | 2.50 ms | 80.0 µs | — | 31.25 |
                | ultraface_slim | 1 | — | 1.50 s | — | — | — |
                | ultraface_slim | 2 | — | 1.50 s | — | — | — |
                """;
        assertEquals(expected, ResultTable.render(results, ResultTable.MEDIAN));
        assertTrue(ResultTable.render(results, ResultTable.MINIMUM).contains("| mnist8 | 1 | 75.0 µs | 1.25 ms | 50.0 µs | 1.50 | 25.00 |\n"));
    }
}
