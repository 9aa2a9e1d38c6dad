package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.sim.HwRun;
import dev.nnc.sim.engine.SimOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fast-forward (skipping whole periods of frames once every component's control state repeats at
 * a frame boundary) must give exactly the run of simulating every cycle: same total cycles, frame
 * timing, per-stage statistics and output beats (cycles from the jump, values from the kernel
 * semantics). Also checks that it does jump on every shared model, so a cycle model that stops
 * reporting its control state, or reports a counter that never repeats, fails here.
 */
class FastForwardTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} frames")
    @CsvSource({"jet_tagger, 12", "conv2d_small, 8", "mnist8, 6", "residual_block, 5"})
    void skippingPeriodicFramesGivesTheRunOfSimulatingEveryCycle(String model, int frames) throws IOException {
        CycleRuns runs = CycleRuns.compile(dir, model, frames);
        SimOptions full = SimOptions.DEFAULT.withClockAll(false).withFastForward(false);
        HwRun every = runs.run(full);
        HwRun skipping = runs.run(full.withFastForwardAlways());
        assertNull(every.jump(), "no jump without fast-forward");
        assertNotNull(skipping.jump(), "the control state of " + model + " never repeated at a frame boundary");
        CycleRuns.assertSameRun(every, "every cycle", skipping, "fast-forward");
    }
}
