package dev.nnc.hls.report;

import dev.nnc.hls.design.DesignBuilder;
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
        List<String> head = new ArrayList<>(List.of("layer", "instance", "primitive", "PE", "SIMD", "cycles/frame"));
        head.addAll(r.asic() ? List.of("kGE", "SRAM kbit") : List.of("DSP", "BRAM18", "LUT", "LUTRAM"));
        rows.add(head);
        for (Report.Layer l : r.layers()) {
            List<String> row = new ArrayList<>(List.of(l.node() == null ? "-" : l.node(), l.instance(), l.kind(),
                    Integer.toString(l.pe()), Integer.toString(l.simd()), Long.toString(l.cycles())));
            row.addAll(resources(l.use(), r.asic()));
            rows.add(row);
        }
        for (Report.Fifo f : r.fifos()) {
            List<String> row = new ArrayList<>(List.of(f.node() == null ? "-" : f.node(), f.instance(),
                    "fifo " + f.depth() + " x " + f.widthBits() + " bit", "-", "-", "-"));
            row.addAll(resources(f.use(), r.asic()));
            rows.add(row);
        }
        rows.add(withBlanks("total", resources(r.total(), r.asic())));
        rows.add(withBlanks("device " + r.device(), resources(r.budget(), r.asic())));
        Resources t = r.total();
        Resources b = r.budget();
        rows.add(withBlanks("utilisation", r.asic()
                ? List.of(Numbers.percent(t.gates(), b.gates()), Numbers.percent(t.sramBits(), b.sramBits()))
                : List.of(Numbers.percent(t.dsp(), b.dsp()), Numbers.percent(t.bram18(), b.bram18()),
                        Numbers.percent(t.lut(), b.lut()), Numbers.percent(t.lutram(), b.lutram()))));
        List<String> lines = new ArrayList<>(TextTable.format(r.asic() ? "LLLRRRRR" : "LLLRRRRRRR", rows));
        if (!r.fifos().isEmpty()) {
            lines.add("FIFO depths: " + r.fifoDepths());
        }
        return lines;
    }

    private static List<String> resources(Resources u, boolean asic) {
        if (asic) {
            return List.of(Numbers.decimal(u.gates() / 1000.0, 1), Numbers.decimal(u.sramBits() / 1024.0, 1));
        }
        return List.of(Long.toString(u.dsp()), Long.toString(u.bram18()), Long.toString(u.lut()), Long.toString(u.lutram()));
    }

    private static List<String> withBlanks(String label, List<String> resources) {
        List<String> row = new ArrayList<>(List.of(label, "", "", "", "", ""));
        row.addAll(resources);
        return row;
    }

    private static List<String> performance(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("initiation interval", r.iiCycles() + " cycles", "= " + Numbers.time(r.iiNs()),
                "(" + Numbers.decimal(r.framesPerSecond(), 1) + " frames/s)"));
        rows.add(List.of("latency", r.latencyCycles() + " cycles", "= " + Numbers.time(r.latencyNs()), ""));
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
        return dir + " '" + s.name() + "': port " + s.port() + "_*, " + DesignBuilder.beats(s.beatsPerFrame()) + " per frame of "
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
