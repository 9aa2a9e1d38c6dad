package dev.nnc.cli;

import dev.nnc.hls.report.Numbers;
import dev.nnc.hls.report.Report;
import dev.nnc.hls.report.Resources;
import java.nio.file.Path;
import java.util.Locale;

/** The few lines {@code nnc compile --target fpga} prints when it is done; report.txt has the rest. */
final class HardwareSummary {
    private HardwareSummary() {
    }

    static String of(Report r, Path out) {
        Resources t = r.total();
        Resources b = r.budget();
        String use = r.asic()
                ? String.format(Locale.ROOT, "%.1f kGE, SRAM %.1f kbit", t.gates() / 1000.0, t.sramBits() / 1024.0)
                : String.format(Locale.ROOT, "DSP %d of %d, BRAM18 %d of %d, LUT %d of %d", t.dsp(), b.dsp(), t.bram18(),
                        b.bram18(), t.lut(), b.lut());
        return String.format(Locale.ROOT, "%s: top module %s (%d layers) for %s at %s MHz%n"
                        + "  II %d cycles (%s), latency %d cycles (%s); %s%n"
                        + "  compiled in %.2f s; details in %s",
                out, r.top(), r.layers().size(), r.device(), trim(r.clockMhz()), r.iiCycles(), time(r.iiNs()),
                r.latencyCycles(), time(r.latencyNs()), use, r.compileTimeMs() / 1000.0, out.resolve("report.txt"));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String time(double ns) {
        return Numbers.time(ns);
    }
}
