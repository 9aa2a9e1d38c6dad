package dev.nnc.cli;

import dev.nnc.cli.io.Npz;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.BitComparison;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwEngine;
import dev.nnc.sim.KernelReference;
import dev.nnc.sim.Reference;
import dev.nnc.sim.VerilatorEngine;
import dev.nnc.sim.engine.SimOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnc sim}: runs a compiled design (build/design.nir) on the cycle simulator and/or the
 * emitted RTL on Verilator, checks the fixed outputs bit for bit against the fixed interpreter
 * (build/kernel.nir) and the two engines against each other beat for beat and cycle for cycle.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Simulate a design compiled with `nnc compile --target fpga`: the cycle simulator, the RTL on Verilator, or both.",
            "Frames run back to back (docs/hardware.md §5). Prints whether the fixed outputs match the fixed interpreter "
                    + "bit for bit, latency, initiation interval, stalls per stage and FIFO high-water marks."},
        footer = {"", "Exit code 1 when an output or the two engines' traces differ."})
final class SimCommand implements Callable<Integer> {
    enum Engine { CYCLE, VERILATOR, BOTH }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUILD", description = "The build folder (with design.nir) or a hw-level .nir file.")
    private Path build;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "cycle",
            description = "cycle (default), verilator, or both (also compares their traces).")
    private Engine engine;

    @Option(names = {"-i", "--input"}, paramLabel = "[NAME=]FILE",
            description = "A tensor file for design input NAME (repeatable); [N, ...] stacks N frames.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--frames", paramLabel = "N", description = "Simulate N frames (the inputs' frames repeated in order).")
    private Integer frames;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save the outputs to FILE.npz (frames stacked on the batch dim).")
    private Path output;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "The kernel- or q-level .nir to check against (default: kernel.nir beside design.nir; "
                    + "without it, the kernel semantics of the design's own hw ops).")
    private Path reference;

    @Option(names = "--deadlock-cycles", paramLabel = "N", defaultValue = "100000",
            description = "Cycles without any transfer that count as a deadlock (default ${DEFAULT-VALUE}).")
    private long deadlockCycles;

    @Option(names = "--clock-all",
            description = "Clock every primitive every cycle instead of skipping idle ones (slower; to check a cycle model's idle()).")
    private boolean clockAll;

    @Option(names = "--no-fast-forward",
            description = "Simulate every cycle of every frame. By default, once the control state of the whole design at the "
                    + "start of a frame repeats an earlier frame's, the cycle simulator skips whole periods of frames exactly "
                    + "(timing is data-independent) and takes the skipped frames' output values from the kernel semantics.")
    private boolean noFastForward;

    @Option(names = "--bench", description = "Time the engines: cycle simulator speed vs Verilator build and run time.")
    private boolean bench;

    @Override
    public Integer call() {
        Path design = Files.isDirectory(build) ? build.resolve("design.nir") : build;
        Path folder = design.toAbsolutePath().getParent();
        if (output != null && !output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            throw new NncException(output + ": output file must end in .npz");
        }
        ModuleOp module = ModelLoader.load(design, Map.of());
        HwDesign hw = ModelLoader.withFile(design, () -> HwDesign.of(module));
        List<Map<String, Tensor>> frameInputs = SimInputs.frames(hw.function(), inputs, frames);
        PrintWriter out = spec.commandLine().getOut();
        SimOptions options = new SimOptions(deadlockCycles, Long.MAX_VALUE);
        options = clockAll ? options.withClockAll(true) : options;
        options = noFastForward ? options.withFastForward(false) : options;
        List<HwEngine> engines = new ArrayList<>();
        if (engine != Engine.VERILATOR) {
            engines.add(new CycleEngine(dev.nnc.sim.ComponentRegistry.standard(), options));
        }
        if (engine != Engine.CYCLE) {
            engines.add(new VerilatorEngine(folder));
        }
        HostSimulation host = new HostSimulation(hw);
        List<HostSimulation.Outcome> outcomes = new ArrayList<>();
        for (HwEngine e : engines) {
            outcomes.add(ModelLoader.withFile(design, () -> host.run(e, frameInputs)));
        }
        SimReport report = new SimReport(out, hw);
        boolean ok = true;
        Path ref = reference != null ? reference : folder.resolve("kernel.nir");
        List<Map<String, Tensor>> expected;
        String refName;
        if (reference != null || Files.exists(ref)) {
            ModuleOp refModule = ModelLoader.load(ref, Map.of());
            expected = ModelLoader.withFile(ref, () -> Reference.fixedOutputs(refModule, frameInputs));
            refName = ref.getFileName().toString();
        } else {
            expected = ModelLoader.withFile(design, () -> KernelReference.fixedOutputs(hw, frameInputs));
            refName = "kernel semantics of " + design.getFileName();
        }
        for (int i = 0; i < engines.size(); i++) {
            ok &= report.comparison(engines.get(i).name(), refName, BitComparison.compare(outcomes.get(i).fixedOutputs(), expected));
        }
        for (int i = 0; i < engines.size(); i++) {
            report.timing(engines.get(i).name(), outcomes.get(i).run(), frameInputs.size());
        }
        report.estimate(folder.resolve("report.json"), outcomes.get(0).run(), frameInputs.size());
        if (engines.size() == 2) {
            ok &= report.traces(outcomes.get(0).run(), outcomes.get(1).run());
        }
        if (engine != Engine.VERILATOR) {
            report.stages(outcomes.get(0).run());
        }
        if (bench) {
            SimBench.run(out, hw, host, frameInputs, options, engine == Engine.CYCLE ? null : new VerilatorEngine(folder, true));
        }
        if (output != null) {
            save(outcomes.get(0).outputs());
        }
        return ok ? 0 : 1;
    }

    private void save(List<Map<String, Tensor>> perFrame) {
        FileAccess.requireWritableFolder(output);
        try {
            Npz.write(output, SimReport.stack(perFrame));
        } catch (NncException e) {
            throw FileAccess.naming(output, e);
        }
    }
}
