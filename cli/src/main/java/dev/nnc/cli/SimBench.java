package dev.nnc.cli;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.ComponentRegistry;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwEngine;
import dev.nnc.sim.HwRun;
import dev.nnc.sim.engine.FastForwardJump;
import dev.nnc.sim.engine.SimOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code nnc sim --bench}: the cycle simulator's speed (best of several runs after JIT warm-up)
 * beside Verilator's build and run time for the same frames. For the README, not a timed test.
 */
final class SimBench {
    private static final int WARMUP_RUNS = 5;
    private static final int TIMED_RUNS = 5;

    private SimBench() {
    }

    static void run(PrintWriter out, HwDesign design, HostSimulation host, List<Map<String, Tensor>> frames,
                    SimOptions options, HwEngine verilator) {
        Timing fast = time(host, frames, options);
        int n = frames.size();
        out.printf(Locale.ROOT, "bench cycle: %d frames, %d cycles; best of %d runs after %d warm-up: CPU %.1f ms "
                        + "(%.3f ms/frame, %.2f M cycles/s), wall %.1f ms; netlist build %.1f ms%s%n",
                n, fast.cycles, TIMED_RUNS, WARMUP_RUNS, fast.cpu / 1e6, fast.cpu / 1e6 / n, fast.cycles * 1e3 / fast.cpu,
                fast.wall / 1e6, fast.netlist / 1e6, fast.jump == null ? "" : String.format(Locale.ROOT,
                        " (fast-forward over %d of the frames, values of %d frames from the kernel semantics)",
                        fast.jump.skippedFrames(), n - fast.computedFrames));
        Timing every = fast.jump == null ? fast : time(host, frames, options.withFastForward(false));
        if (every != fast) {
            out.printf(Locale.ROOT, "bench cycle --no-fast-forward: CPU %.1f ms (%.3f ms/frame, %.2f M cycles/s), wall %.1f ms%n",
                    every.cpu / 1e6, every.cpu / 1e6 / n, every.cycles * 1e3 / every.cpu, every.wall / 1e6);
        }
        long bestCpu = fast.cpu;
        long bestWall = fast.wall;
        long netlist = fast.netlist;
        if (verilator == null) {
            return;
        }
        HwRun v = host.run(verilator, frames).run();
        long vCpu = v.runCpuNanos() >= 0 ? v.runCpuNanos() : v.runNanos();
        out.printf(Locale.ROOT, "bench verilator: %d frames, %d cycles; clean build %.1f s (wall), run: CPU %.1f ms "
                        + "(%.3f ms/frame, %.2f M cycles/s), wall %.1f ms%n",
                n, v.cycles(), v.buildNanos() / 1e9, vCpu / 1e6, vCpu / 1e6 / n, v.cycles() * 1e3 / vCpu, v.runNanos() / 1e6);
        out.printf(Locale.ROOT, "bench: cycle simulator %.1fx faster than the Verilator run (CPU time), %.0fx faster than "
                        + "Verilator's build + run (wall)%s%n",
                (double) vCpu / bestCpu, (double) (v.buildNanos() + v.runNanos()) / (bestWall + netlist),
                every == fast ? "" : String.format(Locale.ROOT, "; simulating every cycle: %.1fx (CPU time)", (double) vCpu / every.cpu));
    }

    /** Best CPU and wall time of the cycle engine's run (and netlist build) over the timed runs, after warm-up. */
    private static Timing time(HostSimulation host, List<Map<String, Tensor>> frames, SimOptions options) {
        CycleEngine cycle = new CycleEngine(ComponentRegistry.standard(), options);
        for (int i = 0; i < WARMUP_RUNS; i++) {
            host.run(cycle, frames);
        }
        Timing t = new Timing();
        for (int i = 0; i < TIMED_RUNS; i++) {
            HwRun r = host.run(cycle, frames).run();
            t.wall = Math.min(t.wall, r.runNanos());
            t.cpu = Math.min(t.cpu, r.runCpuNanos() >= 0 ? r.runCpuNanos() : r.runNanos());
            t.netlist = Math.min(t.netlist, r.buildNanos());
            t.cycles = r.cycles();
            t.jump = r.jump();
            if (r.jump() != null) {
                int perFrame = r.traces().get(0).cycles().length / frames.size();
                t.computedFrames = r.jump().firstStaleBeat().get(0) / perFrame;
            }
        }
        return t;
    }

    /** The best times of one engine configuration. */
    private static final class Timing {
        long cpu = Long.MAX_VALUE;
        long wall = Long.MAX_VALUE;
        long netlist = Long.MAX_VALUE;
        long cycles;
        FastForwardJump jump;
        int computedFrames;
    }
}
