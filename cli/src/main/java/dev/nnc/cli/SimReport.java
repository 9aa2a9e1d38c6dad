package dev.nnc.cli;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.BitComparison;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwRun;
import dev.nnc.sim.SinkTrace;
import dev.nnc.sim.engine.FastForwardJump;
import dev.nnc.sim.engine.FrameTiming;
import dev.nnc.sim.engine.NodeStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code nnc sim} prints: comparisons, timing per engine, the per-stage table. */
final class SimReport {
    private final PrintWriter out;
    private final HwDesign design;

    SimReport(PrintWriter out, HwDesign design) {
        this.out = out;
        this.design = design;
    }

    /** Prints one line per output; true when every output matches. */
    boolean comparison(String engine, String reference, List<BitComparison> results) {
        boolean ok = true;
        for (BitComparison c : results) {
            if (c.matches()) {
                out.printf(Locale.ROOT, "%s vs fixed interpreter (%s): %s match, %d raws bit-exact%n",
                        engine, reference, c.output(), c.elements());
            } else {
                out.printf(Locale.ROOT, "%s vs fixed interpreter (%s): %s MISMATCH, %d of %d raws differ, first: %s%n",
                        engine, reference, c.output(), c.mismatches(), c.elements(), c.first());
                ok = false;
            }
        }
        return ok;
    }

    void timing(String engine, HwRun run, int frames) {
        FrameTiming first = run.frames().get(0);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d frame%s, %d cycles, latency %d cycles",
                engine, frames, frames == 1 ? "" : "s", run.cycles(), first.latency()));
        if (frames > 1) {
            line.append(String.format(Locale.ROOT, ", II %.2f cycles", run.initiationInterval()));
            String perFrame = perFrameLatency(run.frames());
            if (perFrame != null) {
                line.append(" (latency per frame ").append(perFrame).append(')');
            }
        }
        if (run.buildNanos() > 0) {
            line.append(String.format(Locale.ROOT, ", build %.2f s", run.buildNanos() / 1e9));
        }
        line.append(String.format(Locale.ROOT, ", run %.3f s", run.runNanos() / 1e9));
        if (run.runCpuNanos() >= 0) {
            line.append(String.format(Locale.ROOT, " (CPU %.3f s)", run.runCpuNanos() / 1e9));
        }
        out.println(line);
        FastForwardJump jump = run.jump();
        if (jump != null) {
            int computed = frames;
            for (int i = 0; i < run.traces().size(); i++) {
                int perFrame = run.traces().get(i).cycles().length / frames;
                computed = Math.min(computed, jump.firstStaleBeat().get(i) / perFrame);
            }
            out.printf(Locale.ROOT, "%s: fast-forward: the control state at the start of frame %d repeated frame %d's, so %d frames "
                            + "(%d periods of %d cycles) were skipped exactly; output values of %s come from the kernel "
                            + "semantics, of %s from the cycle models (--no-fast-forward simulates every cycle)%n",
                    engine, jump.fromFrame(), jump.fromFrame() - jump.periodFrames(), jump.skippedFrames(),
                    jump.skippedFrames() / jump.periodFrames(), jump.periodCycles(), frameRange(computed, frames - 1),
                    frameRange(0, computed - 1));
        }
    }

    private static String frameRange(int first, int last) {
        return last < first ? "no frame" : first == last ? "frame " + first : "frames " + first + "-" + last;
    }

    /**
     * The fold pass's estimate from {@code report.json} beside the design, if there is one, against
     * the simulated latency and II (the issue asks them to agree within 5 %).
     */
    void estimate(java.nio.file.Path reportJson, HwRun run, int frames) {
        if (!java.nio.file.Files.isRegularFile(reportJson)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode r;
        try {
            r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reportJson.toFile());
        } catch (java.io.IOException e) {
            out.println("estimate: cannot read " + reportJson + ": " + e.getMessage());
            return;
        }
        long estLatency = r.path("latency_cycles").asLong(-1);
        long estIi = r.path("ii_cycles").asLong(-1);
        if (estLatency <= 0 || estIi <= 0) {
            return;
        }
        long latency = run.frames().get(0).latency();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "fold estimate (%s): latency %d cycles, II %d cycles; simulated latency %d (%+.1f%%)",
                reportJson.getFileName(), estLatency, estIi, latency, 100.0 * (latency - estLatency) / estLatency));
        if (frames > 1) {
            double ii = run.initiationInterval();
            line.append(String.format(Locale.ROOT, ", II %.2f (%+.1f%%)", ii, 100.0 * (ii - estIi) / estIi));
        } else {
            line.append(" (II needs --frames 2 or more)");
        }
        out.println(line);
    }

    /** The latencies of the first frames, where the engine saw each frame's first input beat; else null. */
    private static String perFrameLatency(List<FrameTiming> frames) {
        List<String> parts = new java.util.ArrayList<>();
        for (int f = 0; f < frames.size() && f < 8; f++) {
            if (frames.get(f).firstIn() < 0) {
                return null;
            }
            parts.add(Long.toString(frames.get(f).latency()));
        }
        return String.join(", ", parts) + (frames.size() > 8 ? ", ..." : "");
    }

    /** Compares two engines' traces sink by sink; true when identical. */
    boolean traces(HwRun a, HwRun b) {
        boolean ok = true;
        for (int s = 0; s < a.traces().size(); s++) {
            SinkTrace ta = a.traces().get(s);
            SinkTrace tb = b.traces().get(s);
            int d = ta.firstDifference(tb);
            if (d < 0) {
                out.printf(Locale.ROOT, "cycle == verilator: %s, %d beats identical (cycle and data)%n", ta.name(), ta.size());
            } else {
                out.printf(Locale.ROOT, "cycle != verilator: %s, first difference at beat %d: %s vs %s%n",
                        ta.name(), d, ta.describe(d), tb.describe(d));
                ok = false;
            }
        }
        if (a.cycles() == b.cycles()) {
            out.printf(Locale.ROOT, "cycle == verilator: %d cycles%n", a.cycles());
        } else {
            out.printf(Locale.ROOT, "cycle != verilator: %d vs %d cycles%n", a.cycles(), b.cycles());
            ok = false;
        }
        return ok;
    }

    /** The per-stage table of a cycle-simulator run. */
    void stages(HwRun run) {
        if (run.nodes().isEmpty()) {
            return;
        }
        int w = Math.max(8, run.nodes().stream().mapToInt(n -> n.name().length()).max().orElse(8));
        out.printf(Locale.ROOT, "%-" + w + "s  %-10s %9s %9s %9s %9s  %s%n", "stage", "kind", "in", "out", "stalled", "starved", "fifo");
        for (NodeStats n : run.nodes()) {
            String fifo = n.kind().equals("hw.fifo") ? n.highWater() + "/" + depth(n.name()) : "";
            out.printf(Locale.ROOT, "%-" + w + "s  %-10s %9d %9d %9d %9d  %s%n", n.name(), n.kind(), n.inBeats(), n.outBeats(),
                    n.stalled(), n.starved(), fifo);
        }
        out.println("(stalled: cycles with an output beat not taken; starved: cycles ready with no input beat offered; "
                + "fifo: high-water mark/depth in beats)");
    }

    private String depth(String instance) {
        for (int i = 0; i < design.primitives().size(); i++) {
            if (design.instanceName(i).equals(instance)) {
                var a = design.primitives().get(i).property("depth");
                return a instanceof dev.nnc.ir.attr.Attribute.IntAttr d ? Long.toString(d.value()) : "2";
            }
        }
        return "?";
    }

    /** Frames stacked on the batch dim: {@code [1, ...]} × N → {@code [N, ...]}. */
    static Map<String, Tensor> stack(List<Map<String, Tensor>> frames) {
        if (frames.size() == 1) {
            return frames.get(0);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : frames.get(0).keySet()) {
            Tensor first = frames.get(0).get(name);
            int[] shape = first.rank() == 0 ? new int[] {frames.size()} : first.shape().clone();
            if (first.rank() > 0) {
                shape[0] *= frames.size();
            }
            int per = first.size();
            if (first.isDoubles()) {
                double[] all = new double[per * frames.size()];
                for (int f = 0; f < frames.size(); f++) {
                    System.arraycopy(frames.get(f).get(name).doubles(), 0, all, f * per, per);
                }
                out.put(name, Tensor.ofDoubles(first.elementType(), shape, all));
            } else {
                long[] all = new long[per * frames.size()];
                for (int f = 0; f < frames.size(); f++) {
                    System.arraycopy(frames.get(f).get(name).longs(), 0, all, f * per, per);
                }
                out.put(name, Tensor.ofLongs(first.elementType(), shape, all));
            }
        }
        return out;
    }
}
