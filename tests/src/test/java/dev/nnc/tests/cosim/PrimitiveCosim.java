package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.sim.Component;
import dev.nnc.sim.verilator.ProcessResult;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Co-simulation of one RTL primitive against its Java cycle model (docs/hardware.md §4).
 *
 * <p>Both run the same stimulus under the same {@link HandshakePolicy}: random valid gaps on
 * every input (valid held until the beat transfers) and random {@code out_ready} back-pressure
 * on every output. The Verilator run is a generated testbench ({@code cosim_tb.stg}) around the
 * instance; the Java run is {@link ModelRun}. Their transfer traces ({@code <cycle> <port>
 * <hex>} lines) must be identical; {@link #run} fails at the first difference and returns the
 * output beats, which the test then compares with its reference function. One Verilator build
 * serves four runs: the random policy, the full-rate policy (all valid and ready bits high),
 * heavy back-pressure and input starvation (see {@link #runAll}).
 * The testbench also checks the Moore rule: between clock edges it inverts every input of the
 * primitive for a moment, and any output that moves is logged as a violation.
 *
 * <pre>
 * List&lt;List&lt;long[]&gt;&gt; out = PrimitiveCosim.of(instance, new FifoModel(cfg))
 *         .input(port, beats).output(port, beats.size()).seed(7).run(workDir);
 * </pre>
 *
 * <p>{@link #run} skips the calling test (JUnit assumption, with the reason) when Verilator is
 * not on {@code PATH}; {@link #runModel} runs the model alone.
 */
public final class PrimitiveCosim {
    private static final String INSTANCE = "dut";
    private static final int DRAIN = 16;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final PrimitiveInstance instance;
    private final Component model;
    private final List<StreamPort> inPorts = new ArrayList<>();
    private final List<List<long[]>> inBeats = new ArrayList<>();
    private final List<StreamPort> outPorts = new ArrayList<>();
    private final List<Integer> expected = new ArrayList<>();
    private long seed = 1;
    private double validDensity = 0.6;
    private double readyDensity = 0.6;
    private long maxCycles = -1;

    private PrimitiveCosim(PrimitiveInstance instance, Component model) {
        this.instance = instance;
        this.model = model;
    }

    public static PrimitiveCosim of(PrimitiveInstance instance, Component model) {
        return new PrimitiveCosim(instance, model);
    }

    /** Adds the next input stream (port {@code in}, or {@code in0, in1, ...}) and its beats. */
    public PrimitiveCosim input(StreamPort port, List<long[]> beats) {
        for (long[] b : beats) {
            if (b.length != port.lanes()) {
                throw new IllegalArgumentException("input beat of " + b.length + " lanes for a " + port.lanes() + "-lane port");
            }
        }
        inPorts.add(port);
        inBeats.add(List.copyOf(beats));
        return this;
    }

    /** Adds the next output stream and the number of beats the run waits for. */
    public PrimitiveCosim output(StreamPort port, int expectedBeats) {
        outPorts.add(port);
        expected.add(expectedBeats);
        return this;
    }

    public PrimitiveCosim seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Probabilities that a valid bit / a ready bit is 1 in each cycle of the random pattern;
     * (1, 1) is the full-throughput policy of docs/hardware.md §5.
     */
    public PrimitiveCosim densities(double valid, double ready) {
        this.validDensity = valid;
        this.readyDensity = ready;
        return this;
    }

    /** Cycle limit of both runs (default: generous for the stimulus size). */
    public PrimitiveCosim maxCycles(long cycles) {
        this.maxCycles = cycles;
        return this;
    }

    /** The trace of a run and the beats each output delivered. */
    public record Trace(List<String> lines, List<List<long[]>> outputs) {
        /**
         * The cycles of the transfers on {@code port} ({@code "in"}, {@code "out"}, {@code "in0"},
         * {@code "out1"}, ...), in order: for latency and initiation-interval assertions.
         */
        public List<Long> cycles(String port) {
            List<Long> out = new ArrayList<>();
            for (String l : lines) {
                String[] f = l.split(" ");
                if (f.length == 3 && f[1].equals(port)) {
                    out.add(Long.parseLong(f[0]));
                }
            }
            return out;
        }

        /** The cycle count of the run ({@code end <n>} line). */
        public long endCycle() {
            String last = lines.get(lines.size() - 1);
            return Long.parseLong(last.substring("end ".length()));
        }
    }

    /**
     * Runs Verilator and the model, asserts identical traces and that every output delivered
     * exactly its expected beats; returns the output beats. Skips when Verilator is absent.
     */
    public List<List<long[]>> run(Path workDir) {
        return runBoth(workDir).outputs();
    }

    /** As {@link #run}, returning the whole trace of the random-policy run (for cycle assertions). */
    public Trace runBoth(Path workDir) {
        return runAll(workDir).get(0);
    }

    /**
     * One Verilator build, then four runs of it and of the model: the random policy
     * ({@link #seed}, {@link #densities}), the full-rate policy of docs/hardware.md §5 (every
     * valid and ready bit 1), heavy back-pressure (valid 0.95, ready 0.2) and starvation (valid
     * 0.2, ready 0.95). Each pair of traces must be identical, and every run must deliver the
     * same output beats (a handshake policy moves beats in time, never changes them). Returns
     * the model traces in that order.
     */
    public List<Trace> runAll(Path workDir) {
        requireVerilator();
        int len = patternLength();
        int ni = inPorts.size();
        int no = outPorts.size();
        List<HandshakePolicy> policies = List.of(policy(), fullRate(),
                HandshakePolicy.random(seed + 1, ni, no, len, 0.95, 0.2),
                HandshakePolicy.random(seed + 2, ni, no, len, 0.2, 0.95));
        Path dir = CosimFiles.prepare(workDir);
        Path binary = build(dir, policies.get(0).length());
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            Trace java = runModel(policies.get(i));
            Path runDir = CosimFiles.prepare(dir.resolve("run" + i));
            List<String> rtl = runVerilator(binary, runDir, policies.get(i));
            compare(rtl, java.lines(), runDir);
            checkCounts(java);
            traces.add(java);
        }
        for (int i = 1; i < traces.size(); i++) {
            assertSameBeats(traces.get(0).outputs(), traces.get(i).outputs(), i);
        }
        return traces;
    }

    /** Runs the Java model alone under the random policy (no Verilator needed). */
    public Trace runModel() {
        return runModel(policy());
    }

    /**
     * The model under policy {@code p}, run twice: clocked every cycle, and with the clocks the
     * cycle simulator skips ({@link Component#idle} and no transfer); the two traces must agree.
     */
    private Trace runModel(HandshakePolicy p) {
        List<List<long[]>> outs = new ArrayList<>();
        List<String> lines = ModelRun.run(model, inPorts, inBeats, outPorts, expectedArray(), p, DRAIN,
                cycleLimit(), false, outs);
        List<String> skipping = ModelRun.run(model, inPorts, inBeats, outPorts, expectedArray(), p, DRAIN,
                cycleLimit(), true, new ArrayList<>());
        int n = Math.min(lines.size(), skipping.size());
        for (int i = 0; i <= n; i++) {
            String a = i < lines.size() ? lines.get(i) : "<end>";
            String b = i < skipping.size() ? skipping.get(i) : "<end>";
            if (i == n && lines.size() == skipping.size()) {
                break;
            }
            if (!a.equals(b)) {
                fail(instance.module() + ": the model's idle() is wrong: skipping the clocks it calls idle changes "
                        + "trace line " + (i + 1) + " from '" + a + "' to '" + b + "'");
            }
        }
        return new Trace(lines, outs);
    }

    /** Skips the calling test, with the reason, when Verilator is not on {@code PATH}. */
    public static void requireVerilator() {
        assumeTrue(Verilator.available(), "verilator not on PATH: install Verilator 5.x (apt-get install verilator g++ make)");
    }

    /** Asserts that {@code verilator --lint-only -Wall} finds nothing in the instance's module as parameterised. */
    public static void lint(PrimitiveInstance instance, Path workDir) {
        requireVerilator();
        Path dir = CosimFiles.prepare(workDir.resolve("lint"));
        List<Path> sources = CosimFiles.copySources(instance, dir);
        List<String> problems = Verilator.find().lint(sources, instance.module(), instance.parameters(INSTANCE));
        assertTrue(problems.isEmpty(), "verilator --lint-only -Wall on " + instance.module() + " "
                + instance.parameters(INSTANCE) + ":\n" + String.join("\n", problems));
    }

    /** Writes the sources and the testbench into {@code dir} and builds the simulation. */
    private Path build(Path dir, int patternLength) {
        List<Path> sources = CosimFiles.copySources(instance, dir);
        int[] beatCounts = new int[inPorts.size()];
        for (int k = 0; k < inPorts.size(); k++) {
            beatCounts[k] = inBeats.get(k).size();
        }
        CosimTestbench.Model m = CosimTestbench.model(instance.module(), instance.parameters(INSTANCE), inPorts,
                beatCounts, outPorts, expectedArray(), patternLength, DRAIN, cycleLimit());
        Path tb = dir.resolve("tb.sv");
        CosimFiles.write(tb, CosimTestbench.render(m));
        List<Path> all = new ArrayList<>(sources);
        all.add(tb);
        return Verilator.find().build(VerilatorBuild.of(all, "tb", dir));
    }

    /** One run of the built testbench in {@code dir} (stimulus, patterns, memories written there). */
    private List<String> runVerilator(Path binary, Path dir, HandshakePolicy p) {
        CosimFiles.writeMemories(instance, INSTANCE, dir);
        for (int k = 0; k < inPorts.size(); k++) {
            String port = ModelRun.portName("in", k, inPorts.size());
            StringBuilder hex = new StringBuilder();
            for (long[] b : inBeats.get(k)) {
                hex.append(inPorts.get(k).hex(b)).append('\n');
            }
            CosimFiles.write(dir.resolve(port + ".hex"), hex.toString());
            CosimFiles.write(dir.resolve(port + "_valid.pat"), HandshakePolicy.patternFile(p.valid()[k]));
        }
        for (int o = 0; o < outPorts.size(); o++) {
            String port = ModelRun.portName("out", o, outPorts.size());
            CosimFiles.write(dir.resolve(port + "_ready.pat"), HandshakePolicy.patternFile(p.ready()[o]));
        }
        ProcessResult r = Verilator.find().run(binary, dir, List.of(), RUN_TIMEOUT);
        assertEquals(0, r.exitCode(), "simulation of " + instance.module() + " failed: " + r.stderr());
        try {
            return Files.readAllLines(dir.resolve(CosimTestbench.TRACE_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertSameBeats(List<List<long[]>> a, List<List<long[]>> b, int run) {
        for (int o = 0; o < a.size(); o++) {
            for (int i = 0; i < Math.min(a.get(o).size(), b.get(o).size()); i++) {
                if (!Arrays.equals(a.get(o).get(i), b.get(o).get(i))) {
                    fail(instance.module() + ": output " + o + " beat " + i + " depends on the handshake timing: "
                            + Arrays.toString(a.get(o).get(i)) + " under the random policy, "
                            + Arrays.toString(b.get(o).get(i)) + " in run " + run);
                }
            }
        }
    }

    /** Fails with the first differing line (and its neighbours) of the two traces. */
    private void compare(List<String> rtl, List<String> java, Path dir) {
        int n = Math.min(rtl.size(), java.size());
        int at = n;
        for (int i = 0; i < n; i++) {
            if (!rtl.get(i).equals(java.get(i))) {
                at = i;
                break;
            }
        }
        if (at == n && rtl.size() == java.size()) {
            return;
        }
        StringBuilder sb = new StringBuilder(instance.module() + ": RTL and Java model traces differ at line "
                + (at + 1) + " (trace in " + dir.resolve(CosimTestbench.TRACE_FILE) + ")\n");
        for (int i = Math.max(0, at - 3); i <= at; i++) {
            sb.append(String.format("  %-30s | %s%n", i < rtl.size() ? rtl.get(i) : "<end of RTL trace>",
                    i < java.size() ? java.get(i) : "<end of model trace>"));
        }
        sb.append("  (left: Verilator, right: Java model)");
        fail(sb.toString());
    }

    private void checkCounts(Trace t) {
        long end = t.endCycle();
        assertTrue(end < cycleLimit(), instance.module() + ": no completion within " + cycleLimit()
                + " cycles (deadlock or missing output beats)");
        for (int o = 0; o < outPorts.size(); o++) {
            assertEquals(expected.get(o).intValue(), t.outputs().get(o).size(),
                    instance.module() + ": beats on output " + o);
        }
    }

    private HandshakePolicy fullRate() {
        return HandshakePolicy.random(seed, inPorts.size(), outPorts.size(), patternLength(), 1.0, 1.0);
    }

    private HandshakePolicy policy() {
        return HandshakePolicy.random(seed, inPorts.size(), outPorts.size(), patternLength(), validDensity,
                readyDensity);
    }

    private int patternLength() {
        int beats = 0;
        for (List<long[]> b : inBeats) {
            beats = Math.max(beats, b.size());
        }
        for (int e : expected) {
            beats = Math.max(beats, e);
        }
        return 4 * beats + 64;
    }

    private long cycleLimit() {
        if (maxCycles > 0) {
            return maxCycles;
        }
        long beats = 0;
        for (List<long[]> b : inBeats) {
            beats += b.size();
        }
        for (int e : expected) {
            beats += e;
        }
        return 20 * beats + 10 * (long) patternLength() + 1000;
    }

    private int[] expectedArray() {
        return expected.stream().mapToInt(Integer::intValue).toArray();
    }
}
