package dev.nnc.cli;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.sim.ComponentRegistry;
import dev.nnc.sim.CycleEngine;
import dev.nnc.sim.HostSimulation;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.HwEngine;
import dev.nnc.sim.HwRun;
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
        CycleEngine cycle = new CycleEngine(ComponentRegistry.standard(), options);
        for (int i = 0; i < WARMUP_RUNS; i++) {
            host.run(cycle, frames);
        }
        long bestCpu = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        long netlist = Long.MAX_VALUE;
        HwRun last = null;
        for (int i = 0; i < TIMED_RUNS; i++) {
            last = host.run(cycle, frames).run();
            bestWall = Math.min(bestWall, last.runNanos());
            bestCpu = Math.min(bestCpu, last.runCpuNanos() >= 0 ? last.runCpuNanos() : last.runNanos());
            netlist = Math.min(netlist, last.buildNanos());
        }
        int n = frames.size();
        out.printf(Locale.ROOT, "bench cycle: %d frames, %d cycles; best of %d runs after %d warm-up: CPU %.1f ms "
                        + "(%.3f ms/frame, %.2f M cycles/s), wall %.1f ms; netlist build %.1f ms%n",
                n, last.cycles(), TIMED_RUNS, WARMUP_RUNS, bestCpu / 1e6, bestCpu / 1e6 / n, last.cycles() * 1e3 / bestCpu,
                bestWall / 1e6, netlist / 1e6);
        if (verilator == null) {
            return;
        }
        HwRun v = host.run(verilator, frames).run();
        long vCpu = v.runCpuNanos() >= 0 ? v.runCpuNanos() : v.runNanos();
        out.printf(Locale.ROOT, "bench verilator: %d frames, %d cycles; clean build %.1f s (wall), run: CPU %.1f ms "
                        + "(%.3f ms/frame, %.2f M cycles/s), wall %.1f ms%n",
                n, v.cycles(), v.buildNanos() / 1e9, vCpu / 1e6, vCpu / 1e6 / n, v.cycles() * 1e3 / vCpu, v.runNanos() / 1e6);
        out.printf(Locale.ROOT, "bench: cycle simulator %.1fx faster than the Verilator run (CPU time), %.0fx faster than "
                        + "Verilator's build + run (wall)%n",
                (double) vCpu / bestCpu, (double) (v.buildNanos() + v.runNanos()) / (bestWall + netlist));
    }
}
