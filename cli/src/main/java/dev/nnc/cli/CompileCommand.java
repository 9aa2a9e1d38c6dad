package dev.nnc.cli;

import dev.nnc.cli.jar.ModelJar;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.GeneratedSource;
import dev.nnc.hls.report.Report;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnc compile}: {@code --target cpu -o model.jar} writes the model as a self-contained
 * runnable jar; {@code --target fpga|asic -o build/} quantizes it, lowers it to the hw level and
 * writes the RTL, a testbench and the reports (docs/hardware.md §6).
 */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Compile a model for a target. The same model and options always give the same bytes "
                + "(for fpga/asic: every file but the compile time in the reports).",
            "cpu: a runnable jar of Java classes generated for the model (run it with "
                + "'java -jar MODEL.jar --input NAME=FILE.npy [-o OUT.npz]').",
            "fpga, asic: quantize (calibrated on --calib), lower to streaming kernels, fold them under the device "
                + "budget, lower to a netlist and write BUILD/rtl/ (SystemVerilog top module, primitives, .mem files), "
                + "BUILD/tb/ (testbench), BUILD/design.nir (the hw-level IR, for 'nnc sim'), BUILD/kernel.nir, "
                + "BUILD/report.json and BUILD/report.txt. asic: the same RTL, no vendor primitives, the generic asic device."})
final class CompileCommand implements Callable<Integer> {
    /** The targets {@code --target} names. */
    enum Target { CPU, FPGA, ASIC, HLS }

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "cpu|fpga|asic|hls", required = true,
            description = "What to compile for: cpu, fpga or asic (hls is not implemented yet).")
    private Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", required = true,
            description = "cpu: the jar to write. fpga, asic: the build folder (created, or replaced if it holds an earlier build).")
    private Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "cpu: threads the jar splits large layers over unless its --threads says otherwise. Default: 1.")
    private Integer threads;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private PipelineOptions pipelineOptions;

    @Mixin
    private HardwareOptions hardwareOptions;

    @Mixin
    private QuantizeOptions quantizeOptions;

    @Override
    public Integer call() {
        switch (target) {
            case CPU:
                return cpu();
            case FPGA:
            case ASIC:
                return hardware();
            default:
                throw new NncException("--target " + target.name().toLowerCase(Locale.ROOT) + ": not implemented yet");
        }
    }

    /** The model's name, or the build folder's for the {@code kernel.nir} of an earlier build. */
    static String hardwareName(Path model) {
        String name = BackendOptions.modelName(model);
        Path folder = model.toAbsolutePath().normalize().getParent();
        if (name.equals("kernel") && folder != null && folder.getFileName() != null) {
            return folder.getFileName().toString();
        }
        return name;
    }

    /** Options that only --target fpga|asic reads. */
    private static final List<String> HARDWARE_ONLY = List.of("--device", "--clock", "--calib", "--calib-random", "--seed",
            "--type", "--bits", "--weight-bits", "--per-channel", "--rounding", "--overflow", "--config");

    private int cpu() {
        for (String o : HARDWARE_ONLY) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new NncException(o + " applies to --target fpga and asic, not cpu");
            }
        }
        int n = threads == null ? 1 : threads;
        if (n < 1) {
            throw new NncException("--threads must be at least 1, got " + n);
        }
        FileAccess.requireWritableFolder(output);
        ModuleOp module = pipelineOptions.loadOptimized(modelOptions, spec.commandLine().getErr());
        byte[] jar = ModelLoader.withFile(modelOptions.model(), () -> {
            GeneratedSource src = CpuBackend.generate(module, BackendOptions.modelName(modelOptions.model()));
            return ModelJar.build(src, n);
        });
        FileAccess.writeAtomically(output, jar);
        return 0;
    }

    private int hardware() {
        String t = target.name().toLowerCase(Locale.ROOT);
        if (threads != null) {
            throw new NncException("--threads applies to --target cpu only");
        }
        if (pipelineOptions.hasPasses()) {
            throw new NncException("--target " + t + " runs its own pipeline (see 'pipeline' in report.json); "
                    + "-O and --pass-pipeline apply to --target cpu");
        }
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HardwareCompile compile = new HardwareCompile(t, hardwareOptions, quantizeOptions, pipelineOptions, err);
        compile.pipelineText(); // bad --type, --rounding, ... : one line before any work
        ModuleOp module = modelOptions.load();
        String name = hardwareName(modelOptions.model());
        Report r = compile.run(module, name, output, start);
        out.println(HardwareSummary.of(r, output));
        return 0;
    }
}
