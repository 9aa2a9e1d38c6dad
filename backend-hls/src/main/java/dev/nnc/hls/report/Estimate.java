package dev.nnc.hls.report;

import java.util.List;

/**
 * The performance and resource estimate of a whole design (from the fold pass): per layer, the
 * device and its budget, the initiation interval (the slowest stage's cycles per frame) and the
 * latency of one frame, both in cycles.
 */
public record Estimate(String device, boolean asic, Resources budget, List<LayerEstimate> layers, long iiCycles,
                       long latencyCycles) {
    public Estimate {
        layers = List.copyOf(layers);
    }

    public Resources total() {
        Resources r = Resources.ZERO;
        for (LayerEstimate l : layers) {
            r = r.plus(l.use());
        }
        return r;
    }
}
