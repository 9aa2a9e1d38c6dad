package dev.nnc.cli;

import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.BuildWriter;
import dev.nnc.hls.HlsBackend;
import dev.nnc.hls.design.DesignBuilder;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.hls.report.Clock;
import dev.nnc.hls.report.Estimate;
import dev.nnc.hls.report.Report;
import dev.nnc.hls.report.ReportBuilder;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.kernel.Device;
import dev.nnc.passes.pipeline.Pipeline;
import dev.nnc.passes.pipeline.PipelineEntry;
import dev.nnc.passes.quant.QuantizePass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code nnc compile --target fpga|asic}: one pipeline from the float model to the hw level, then
 * the RTL, the testbench and the reports, written to the build folder in one move.
 *
 * <pre>
 * PREPARE (graph clean-ups, activations not fused) · calibration · quantize{...} · lower-kernel ·
 * fold{device=...} · [kernel.nir] · lower-hw · size-fifos · [design.nir, rtl/, tb/, report.*]
 * </pre>
 * A model given as IR text at the q or kernel level enters the pipeline where its level begins, so
 * a hand-edited {@code kernel.nir} compiles too (fold then re-folds it).
 */
final class HardwareCompile {
    /** The graph clean-ups before calibration: shapes, constants, BatchNorm folded; activations stay separate ops. */
    static final String PREPARE = QuantizeCommand.PREPARE;
    /** Where the kernel level ends and the hw level begins: kernel.nir is printed before this pass. */
    static final String FIRST_HW_PASS = "lower-hw";

    private final String target;
    private final String device;
    private final Clock clock;
    private final boolean measuredFifos;
    private final QuantizeOptions quantize;
    private final PipelineOptions pipelineOptions;
    private final PrintWriter err;

    HardwareCompile(String target, HardwareOptions hardware, QuantizeOptions quantize, PipelineOptions pipelineOptions,
                    PrintWriter err) {
        this.target = target;
        this.device = Device.named(hardware.device(target)).name();
        this.clock = hardware.clock();
        this.measuredFifos = hardware.measuredFifoDepths();
        this.quantize = quantize;
        this.pipelineOptions = pipelineOptions;
        this.err = err;
    }

    /** The whole pipeline as text ({@code nnc opt --pass-pipeline} runs it on a calibrated model). */
    String pipelineText() {
        QuantizePass.Options q = quantize.passOptions();
        return PREPARE + "," + new PipelineEntry(QuantizePass.INFO, q) + ",lower-kernel,fold{device=" + device
                + "},lower-hw,size-fifos";
    }

    /**
     * Compiles {@code module} into the build folder {@code out}; returns the report.
     * {@code start} ({@link System#nanoTime}) is when the compile began, loading the model included.
     */
    Report run(ModuleOp module, String modelName, Path out, long start) {
        PassRegistry registry = PassRegistry.standard();
        Pipeline full = Pipeline.parse(pipelineText(), registry);
        int quantizeAt = indexOf(full, "quantize");
        int hwAt = indexOf(full, FIRST_HW_PASS);
        IrStage stage = IrStage.of(module);
        Path reproducers = null; // only with --crash-reproducer: a failed compile leaves no files behind
        if (stage == IrStage.HW) {
            throw new NncException("the model is already at the hw level; compile its kernel-level IR (kernel.nir) or an "
                    + "earlier level, so the fold pass's estimate can go into the report");
        }
        if (stage == IrStage.ONNX) {
            pipelineOptions.run(slice(full, 0, quantizeAt), module, registry, err, reproducers);
            quantize.calibrate(module, err);
        }
        int from = stage == IrStage.ONNX ? quantizeAt : firstAccepting(full, quantizeAt, hwAt, stage);
        String ran = slice(full, stage == IrStage.ONNX ? 0 : from, full.size()).toString();
        pipelineOptions.run(slice(full, from, hwAt), module, registry, err, reproducers);
        String kernelText = IrPrinter.print(module);
        Estimate estimate = HardwareEstimate.of(module, Device.named(device));
        pipelineOptions.run(slice(full, hwAt, full.size()), module, registry, err, reproducers);
        String fifoDepths = measuredFifos ? FifoTrim.apply(module, err) : "size-fifos bound (--fifo-depths bound)";
        HlsBackend.Build build = HlsBackend.design(module, modelName, PrimitiveRegistry.standard(), idleLimit(estimate));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Report report = ReportBuilder.build(modelName, target.toLowerCase(Locale.ROOT), build.netlist(), build.design(),
                estimate, clock, ran, millis, fifoDepths);
        BuildFiles files = HlsBackend.files(build, module, kernelText, report);
        BuildWriter.write(out, files);
        return report;
    }

    /**
     * The testbench's guard: a design is silent at its ports for up to its latency (a window
     * generator holds a whole frame), so allow four times the estimated latency plus II, and never
     * less than the backend's floor.
     */
    static long idleLimit(Estimate e) {
        return Math.max(DesignBuilder.IDLE_LIMIT, 4 * (e.latencyCycles() + e.iiCycles()) + DesignBuilder.IDLE_LIMIT);
    }

    private static int indexOf(Pipeline p, String argument) {
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).argument().equals(argument)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + argument + " in " + p);
    }

    /** The first pass in [from, to) that accepts a module at {@code stage}. */
    private static int firstAccepting(Pipeline p, int from, int to, IrStage stage) {
        for (int i = from; i < to; i++) {
            if (p.get(i).info().accepts().contains(stage)) {
                return i;
            }
        }
        throw new NncException("a module at the " + stage.spelling() + " level cannot enter the hardware pipeline " + p);
    }

    private static Pipeline slice(Pipeline p, int from, int to) {
        List<PipelineEntry> e = new ArrayList<>();
        for (int i = from; i < to; i++) {
            e.add(p.get(i));
        }
        return new Pipeline(e);
    }
}
