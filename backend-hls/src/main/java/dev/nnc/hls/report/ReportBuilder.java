package dev.nnc.hls.report;

import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.passes.kernel.Device;
import dev.nnc.passes.kernel.FifoCost;
import dev.nnc.hls.design.DesignFiles;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.model.Instance;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.hls.netlist.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a design and its estimate together into a {@link Report}: each estimated layer is matched
 * to the instance lowered from it (same primitive kind and node name, in order), cycles become
 * time at the clock, and the totals are set against the device budget.
 */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /**
     * @param target        {@code fpga} or {@code asic}
     * @param pipeline      the pass pipeline that ran
     * @param compileTimeMs wall time of the whole compile
     * @param fifoDepths    how the FIFO depths were chosen (a phrase for the report)
     */
    public static Report build(String model, String target, Netlist netlist, Design design, Estimate estimate,
                               Clock clock, String pipeline, long compileTimeMs, String fifoDepths) {
        List<Report.Layer> layers = new ArrayList<>();
        boolean[] taken = new boolean[netlist.nodes().size()];
        for (LayerEstimate e : estimate.layers()) {
            String instance = "-";
            for (int i = 0; i < netlist.nodes().size(); i++) {
                Node n = netlist.nodes().get(i);
                if (!taken[i] && n.kind().equals(e.kind()) && sameName(n.name(), e.name())) {
                    taken[i] = true;
                    instance = design.top().instances().get(i).name();
                    break;
                }
            }
            layers.add(new Report.Layer(instance, e.name(), e.kind(), e.pe(), e.simd(), e.cycles(), e.use()));
        }
        Resources total = estimate.total();
        List<Report.Fifo> fifos = new ArrayList<>();
        Device device = Device.named(estimate.device());
        for (int i = 0; i < netlist.nodes().size(); i++) {
            Node n = netlist.nodes().get(i);
            if (n.op().name().equals("hw.fifo")) {
                FifoConfig f = FifoConfig.from(n.op());
                long width = (long) f.lanes() * f.elemWidth();
                dev.nnc.passes.kernel.Resources r = FifoCost.of(device, f.depth(), width);
                Resources use = new Resources(r.dsp(), r.bram18(), r.lut(), r.lutram(), r.gates(), r.sramBits());
                fifos.add(new Report.Fifo(design.top().instances().get(i).name(), n.name(), f.depth(), width, use));
                total = total.plus(use);
            }
        }
        long ii = estimate.iiCycles();
        double fps = ii > 0 ? Numbers.round(clock.mhz() * 1e6 / ii, 1) : 0;
        Report.Files files = new Report.Files(DesignFiles.rtlPath(design.top().name() + ".sv"),
                DesignFiles.tbPath(design.testbench().name() + ".sv"), design.testbench().name(),
                design.sources().stream().map(DesignFiles::rtlPath).toList(),
                design.memoryFiles().keySet().stream().map(DesignFiles::rtlPath).toList(), "rtl");
        return new Report(model, design.top().name(), target, estimate.device(), estimate.asic(), Numbers.round(clock.mhz(), 6),
                Numbers.round(clock.periodNs(), 6), ii, Numbers.round(clock.ns(ii), 3), fps, estimate.latencyCycles(),
                Numbers.round(clock.ns(estimate.latencyCycles()), 3), layers, fifos, fifoDepths, total, estimate.budget(),
                new Report.Interface(design.inputs(), design.outputs()), files, pipeline, compileTimeMs);
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** The instance names of a design, in netlist order (for callers matching their own rows). */
    public static List<String> instanceNames(Design design) {
        return design.top().instances().stream().map(Instance::name).toList();
    }
}
