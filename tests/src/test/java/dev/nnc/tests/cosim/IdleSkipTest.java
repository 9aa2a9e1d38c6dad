package dev.nnc.tests.cosim;

import dev.nnc.sim.HwRun;
import dev.nnc.sim.engine.SimOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator skips the clocks of components whose {@code idle()} says nothing would change; on
 * every shared model, compiled for fpga, that must give exactly the run of clocking everything
 * every cycle (same beats, cycles and per-stage statistics). Needs no Verilator, so a wrong
 * {@code idle()} in a cycle model fails here on any machine.
 */
class IdleSkipTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} frames")
    @CsvSource({"jet_tagger, 3", "conv2d_small, 3", "mnist8, 2", "residual_block, 1"})
    void skippingIdleComponentsGivesTheRunOfClockingAll(String model, int frames) throws IOException {
        CycleRuns runs = CycleRuns.compile(dir, model, frames);
        SimOptions skip = SimOptions.DEFAULT.withClockAll(false).withFastForward(false);
        HwRun skipping = runs.run(skip);
        HwRun all = runs.run(skip.withClockAll(true));
        CycleRuns.assertSameRun(all, "all clocked", skipping, "idle skipped");
    }
}
