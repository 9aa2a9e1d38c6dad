package dev.nnc.hls;

import dev.nnc.hls.design.DesignBuilder;
import dev.nnc.hls.design.DesignFiles;
import dev.nnc.hls.emit.Templates;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.hls.netlist.NetlistReader;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.hls.report.Report;
import dev.nnc.hls.report.ReportJson;
import dev.nnc.hls.report.ReportText;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.IrPrinter;

/**
 * The Verilog backend's entry points: a hw-level module becomes a {@link Design} (top module,
 * testbench, memories, primitive sources), and a design plus its report become the files of the
 * build folder of docs/hardware.md §6.
 */
public final class HlsBackend {
    /** The hw-level IR the RTL was emitted from; {@code nnc sim} reads it. */
    public static final String DESIGN_NIR = "design.nir";
    /** The kernel-level IR before lower-hw: the fixed interpreter runs it as the reference. */
    public static final String KERNEL_NIR = "kernel.nir";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_TXT = "report.txt";

    private HlsBackend() {
    }

    /** A design with its netlist, for the report that matches layers to instances. */
    public record Build(Netlist netlist, Design design) {
    }

    /** The design of the main function of hw-level {@code module}, its top module named after {@code modelName}. */
    public static Build design(ModuleOp module, String modelName, PrimitiveRegistry registry) {
        return design(module, modelName, registry, DesignBuilder.IDLE_LIMIT);
    }

    /**
     * As {@link #design(ModuleOp, String, PrimitiveRegistry)}, the testbench giving up after
     * {@code idleLimit} cycles without a transfer at the design's ports.
     */
    public static Build design(ModuleOp module, String modelName, PrimitiveRegistry registry, long idleLimit) {
        FuncOp main = module.mainFunction();
        if (main == null) {
            throw new NncException("the module has no function to put in hardware");
        }
        Netlist netlist = NetlistReader.read(main);
        return new Build(netlist, DesignBuilder.build(netlist, registry, modelName, idleLimit));
    }

    /**
     * The build folder's files: {@code rtl/}, {@code tb/}, {@code design.nir} (the printed
     * {@code hwModule}), {@code kernel.nir} (when given), {@code report.json} and {@code report.txt}.
     */
    public static BuildFiles files(Build build, ModuleOp hwModule, String kernelText, Report report) {
        BuildFiles out = new BuildFiles();
        DesignFiles.add(build.design(), out);
        out.put(DESIGN_NIR, IrPrinter.print(hwModule));
        if (kernelText != null) {
            out.put(KERNEL_NIR, kernelText);
        }
        out.put(REPORT_JSON, ReportJson.write(report));
        out.put(REPORT_TXT, Templates.render(Templates.REPORT, ReportText.of(report)));
        return out;
    }
}
