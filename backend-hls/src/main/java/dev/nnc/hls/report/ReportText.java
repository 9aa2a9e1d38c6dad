package dev.nnc.hls.report;

import dev.nnc.hls.model.StreamInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable report ({@code report.txt}) as the lines {@code Report.stg} lays out: every
 * number formatted and every column aligned here, so the template holds no logic.
 */
public record ReportText(String title, String target, List<String> layers, List<String> performance,
                         List<String> streams, List<String> files, String compileTime) {

    public static ReportText of(Report r) {
        String title = "nnc hardware report: model '" + r.model() + "', top module " + r.top();
        String target = "target " + r.target() + ", device " + r.device() + ", clock "
                + Numbers.decimal(r.clockMhz(), 3) + " MHz (period " + Numbers.decimal(r.clockPeriodNs(), 3) + " ns)";
        return new ReportText(title, target, layerTable(r), performance(r), streams(r), files(r),
                "compile time " + Numbers.decimal(r.compileTimeMs() / 1000.0, 2) + " s");
    }

    private static List<String> layerTable(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("layer", "instance", "primitive", "PE", "SIMD", "cycles/frame", "DSP", "BRAM18", "LUT"));
        for (Report.Layer l : r.layers()) {
            rows.add(List.of(l.node() == null ? "-" : l.node(), l.instance(), l.kind(), Integer.toString(l.pe()),
                    Integer.toString(l.simd()), Long.toString(l.cycles()), Long.toString(l.dsp()),
                    Numbers.decimal(l.bram(), 2), Long.toString(l.lut())));
        }
        Resources t = r.total();
        Resources b = r.budget();
        rows.add(List.of("total", "", "", "", "", "", Long.toString(t.dsp()), Numbers.decimal(t.bram(), 2),
                Long.toString(t.lut())));
        rows.add(List.of("device " + r.device(), "", "", "", "", "", Long.toString(b.dsp()), Numbers.decimal(b.bram(), 2),
                Long.toString(b.lut())));
        rows.add(List.of("utilisation", "", "", "", "", "", Numbers.percent(t.dsp(), b.dsp()),
                Numbers.percent(t.bram(), b.bram()), Numbers.percent(t.lut(), b.lut())));
        return TextTable.format("LLLRRRRRR", rows);
    }

    private static List<String> performance(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("initiation interval", r.iiCycles() + " cycles", "= " + Numbers.decimal(r.iiNs(), 3) + " ns",
                "(" + Numbers.decimal(r.framesPerSecond(), 1) + " frames/s)"));
        rows.add(List.of("latency", r.latencyCycles() + " cycles", "= " + Numbers.decimal(r.latencyNs(), 3) + " ns", ""));
        return TextTable.format("LRLL", rows);
    }

    private static List<String> streams(Report r) {
        List<String> out = new ArrayList<>();
        for (StreamInterface s : r.streams().inputs()) {
            out.add(describe("input", s));
        }
        for (StreamInterface s : r.streams().outputs()) {
            out.add(describe("output", s));
        }
        return out;
    }

    private static String describe(String dir, StreamInterface s) {
        return dir + " '" + s.name() + "': port " + s.port() + "_*, " + s.beatsPerFrame() + " beats per frame of "
                + s.lanes() + " x " + s.element() + ", tensor " + s.shape() + " in stream order " + s.perm()
                + ", testbench file tb/" + s.file();
    }

    private static List<String> files(Report r) {
        Report.Files f = r.files();
        List<String> out = new ArrayList<>();
        out.add("top module   " + f.topFile());
        out.add("primitives   " + String.join(", ", f.sources()));
        out.add("memories     " + f.memoryFiles().size() + " files beside them");
        out.add("testbench    " + f.testbench() + " (module " + f.testbenchTop() + "; run it from " + f.runDirectory() + "/)");
        if (!r.pipeline().isEmpty()) {
            out.add("pipeline     " + r.pipeline());
        }
        return out;
    }
}
