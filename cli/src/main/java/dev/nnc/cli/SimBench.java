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
        long best = Long.MAX_VALUE;
        long netlist = Long.MAX_VALUE;
        HwRun last = null;
        for (int i = 0; i < TIMED_RUNS; i++) {
            last = host.run(cycle, frames).run();
            best = Math.min(best, last.runNanos());
            netlist = Math.min(netlist, last.buildNanos());
        }
        int n = frames.size();
        out.printf(Locale.ROOT, "bench cycle: %d frames, %d cycles; best of %d runs after %d warm-up: %.3f ms "
                        + "(%.3f ms/frame, %.2f M cycles/s), netlist build %.3f ms%n",
                n, last.cycles(), TIMED_RUNS, WARMUP_RUNS, best / 1e6, best / 1e6 / n, last.cycles() * 1e3 / best, netlist / 1e6);
        if (verilator == null) {
            return;
        }
        HwRun v = host.run(verilator, frames).run();
        out.printf(Locale.ROOT, "bench verilator: %d frames, %d cycles; build %.2f s, run %.3f s (%.3f ms/frame, %.2f M cycles/s)%n",
                n, v.cycles(), v.buildNanos() / 1e9, v.runNanos() / 1e9, v.runNanos() / 1e6 / n, v.cycles() * 1e3 / v.runNanos());
        out.printf(Locale.ROOT, "bench: cycle simulator %.1fx faster than the Verilator run, %.1fx faster than build + run%n",
                (double) v.runNanos() / best, (double) (v.buildNanos() + v.runNanos()) / (best + netlist));
    }
}
