package dev.nnc.passes.kernel;

import java.util.List;
import java.util.Locale;

/**
 * The fold pass's estimate for a whole design: per layer and in total, against the device. The
 * initiation interval (II) is the slowest layer's cycles per frame; the latency is the cycles
 * from a frame's first input beat to its last output beat when it runs alone, from a simple
 * pipeline model (a window generator starts a row of windows once its input rows are in, the
 * others stream).
 */
public record DesignEstimate(Device device, List<LayerEstimate> layers, long iiCycles, long latencyCycles, Resources total) {

    /** Frames per second at the device's default clock. */
    public double framesPerSecond(double clockMhz) {
        return clockMhz * 1e6 / iiCycles;
    }

    /** True when the total fits the device within {@code fraction} of each resource. */
    public boolean fits(double fraction) {
        return total.fits(device.capacity(), fraction);
    }

    /** A text table: one line per layer, then the total against the device. */
    public String table() {
        StringBuilder b = new StringBuilder();
        boolean asic = device.asic();
        b.append(String.format(Locale.ROOT, "%-28s %-8s %5s %5s %10s %s%n", "layer", "kind", "simd", "pe", "cycles",
                asic ? String.format(Locale.ROOT, "%10s %12s", "kGE", "SRAM kbit")
                        : String.format(Locale.ROOT, "%6s %6s %8s %8s", "DSP", "BRAM18", "LUT", "LUTRAM")));
        for (LayerEstimate l : layers) {
            b.append(String.format(Locale.ROOT, "%-28s %-8s %5d %5d %10d %s%n", l.name(), l.kind(), l.simd(), l.pe(), l.cycles(),
                    columns(l.resources(), asic)));
        }
        b.append(String.format(Locale.ROOT, "%-28s %-8s %5s %5s %10d %s%n", "total", "", "", "", iiCycles, columns(total, asic)));
        b.append(String.format(Locale.ROOT, "%-28s %-8s %5s %5s %10s %s%n", device.name(), "", "", "", "", columns(device.capacity(), asic)));
        b.append(String.format(Locale.ROOT, "II %d cycles, latency about %d cycles%n", iiCycles, latencyCycles));
        return b.toString();
    }

    private static String columns(Resources r, boolean asic) {
        return asic ? String.format(Locale.ROOT, "%10.1f %12.1f", r.gates() / 1000.0, r.sramBits() / 1024.0)
                : String.format(Locale.ROOT, "%6d %6d %8d %8d", r.dsp(), r.bram18(), r.lut(), r.lutram());
    }
}
