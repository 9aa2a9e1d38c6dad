package dev.nnc.sim;

import java.util.Arrays;

/**
 * Every beat one sink received, with its cycle: what the testbench writes to
 * {@code tb/output_<name>.txt} and what the cycle simulator must reproduce exactly.
 */
public record SinkTrace(String name, long[] cycles, long[][] beats) {

    public int size() {
        return cycles.length;
    }

    /** Index of the first beat where the two traces differ (cycle or data), or -1 when equal. */
    public int firstDifference(SinkTrace other) {
        int n = Math.min(size(), other.size());
        for (int i = 0; i < n; i++) {
            if (cycles[i] != other.cycles[i] || !Arrays.equals(beats[i], other.beats[i])) {
                return i;
            }
        }
        return size() == other.size() ? -1 : n;
    }

    /** One beat as the testbench prints it: {@code <cycle> [lane0, lane1, ...]}, or "none". */
    public String describe(int i) {
        return i >= 0 && i < size() ? "cycle " + cycles[i] + " " + Arrays.toString(beats[i]) : "no beat";
    }
}
