package dev.nnc.passes;

import dev.nnc.ir.diag.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What one pass did: its wall time, whether it reported a change, its statistics (by name,
 * sorted) and the warnings it reported.
 */
public record PassRun(PassStep step, long nanos, boolean changed, Map<String, Long> statistics,
                      List<Diagnostic> warnings) {
    public PassRun {
        statistics = Map.copyOf(statistics);
        warnings = List.copyOf(warnings);
    }

    public double millis() {
        return nanos / 1e6;
    }
}
