package dev.nnc.sim;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.StreamType;
import dev.nnc.sim.engine.FrameTiming;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emitted RTL on Verilator as an engine: writes every frame's beats to the testbench's
 * {@code tb/input_<name>.hex}, builds {@code rtl/*.sv} + {@code tb/tb_<top>.sv} with
 * {@code verilator --binary} (into {@code <build>/sim/verilator}), runs it in {@code rtl/} and
 * reads {@code tb/output_<name>.txt} back into traces and tensors.
 */
public final class VerilatorEngine implements HwEngine {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private final Path build;
    private final boolean clean;

    /**
     * An engine for the build folder {@code build}; {@code clean} removes an earlier Verilator
     * build first (for honest build times), else its object files are reused.
     */
    public VerilatorEngine(Path build, boolean clean) {
        this.build = build;
        this.clean = clean;
    }

    public VerilatorEngine(Path build) {
        this(build, false);
    }

    @Override
    public String name() {
        return "verilator";
    }

    @Override
    public HwRun run(HwDesign design, List<List<Tensor>> sourceFrames) {
        TestbenchFiles tb = TestbenchFiles.of(build);
        if (tb.inputFiles().size() != design.sources().size() || tb.outputFiles().size() != design.sinks().size()) {
            throw new NncException(tb.tbDir() + ": the testbench has " + tb.inputFiles().size() + " inputs and "
                    + tb.outputFiles().size() + " outputs but design.nir " + design.sources().size() + " and "
                    + design.sinks().size() + " (recompile)");
        }
        int frames = sourceFrames.get(0).size();
        for (int i = 0; i < design.sources().size(); i++) {
            writeInputs(design, i, sourceFrames.get(i), tb.tbDir().resolve(tb.inputFiles().get(i)));
        }
        Verilator v = Verilator.find();
        long start = System.nanoTime();
        Path work = build.resolve("sim").resolve("verilator");
        if (clean) {
            deleteTree(work);
        }
        Path binary = v.build(VerilatorBuild.of(tb.sources(), tb.tbTop(), work));
        long built = System.nanoTime();
        for (String out : tb.outputFiles()) {
            delete(tb.tbDir().resolve(out));
        }
        TimedProcess r = TimedProcess.run(List.of(binary.toAbsolutePath().toString(), "+io_dir=" + tb.tbDir().toAbsolutePath()),
                tb.rtlDir(), work.resolve("sim.log"), RUN_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new NncException("verilator simulation of " + tb.tbTop() + " failed (exit " + r.exitCode() + "): "
                    + firstLine(r.output()));
        }
        List<SinkTrace> traces = new ArrayList<>();
        List<List<Tensor>> outs = new ArrayList<>();
        long cycles = 0;
        for (int s = 0; s < design.sinks().size(); s++) {
            var sink = design.sinks().get(s);
            StreamType st = HwDesign.stream(sink.operand(0), sink);
            OutputTrace t = OutputTrace.read(tb.tbDir().resolve(tb.outputFiles().get(s)), design.sinkName(sink),
                    BeatCodec.of(st.lanes(), st.element()));
            traces.add(t.trace());
            cycles = Math.max(cycles, t.cycles());
            StreamLayout layout = StreamLayout.ofSink(HwDesign.staticShape(sink.result(0).type(), sink), HwDesign.perm(sink), st.lanes());
            List<Tensor> frameTensors = new ArrayList<>();
            for (int f = 0; (f + 1) * layout.beatsPerFrame() <= t.trace().size(); f++) {
                frameTensors.add(layout.toTensor(HwDesign.elementType(sink.result(0).type()), i -> t.trace().beats()[i],
                        f * layout.beatsPerFrame()));
            }
            outs.add(frameTensors);
        }
        return new HwRun(outs, traces, cycles, timings(design, traces, frames), List.of(), built - start, r.wallNanos(), r.cpuNanos(), null);
    }

    /** Per frame the last output cycle; the testbench does not log input beats, so firstIn is known for frame 0 only (cycle 0). */
    private static List<FrameTiming> timings(HwDesign design, List<SinkTrace> traces, int frames) {
        List<FrameTiming> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            long last = Long.MIN_VALUE;
            for (SinkTrace t : traces) {
                int per = t.size() / frames;
                if (per > 0) {
                    last = Math.max(last, t.cycles()[(f + 1) * per - 1]);
                }
            }
            out.add(new FrameTiming(f == 0 ? 0 : -1, last));
        }
        return out;
    }

    private static void writeInputs(HwDesign design, int i, List<Tensor> frames, Path file) {
        var src = design.sources().get(i);
        StreamType st = HwDesign.stream(src.result(0), src);
        StreamLayout layout = StreamLayout.ofSource(HwDesign.staticShape(src.operand(0).type(), src), HwDesign.perm(src), st.lanes());
        BeatCodec codec = BeatCodec.of(st.lanes(), st.element());
        StringBuilder sb = new StringBuilder();
        long[][] beats = new long[layout.beatsPerFrame()][];
        for (Tensor frame : frames) {
            layout.toBeats(frame, beats, 0);
            for (long[] b : beats) {
                sb.append(codec.toHex(b)).append('\n');
            }
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new NncException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new NncException(dir + ": cannot delete: " + e.getMessage());
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new NncException(p + ": cannot delete: " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        for (String l : text.lines().toList()) {
            if (l.contains("tb:") || l.contains("%Error") || l.contains("%Fatal")) {
                return l.strip();
            }
        }
        return text.strip().lines().findFirst().orElse("(no output)");
    }
}
