package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.sim.engine.SimOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fifo-depths measured} (the default) shrinks residual_block's skip FIFO to what the
 * simulation shows it holds, and the design keeps its schedule exactly: the same run, beat for
 * beat and cycle for cycle, as the design with size-fifos' analytic depths, over more frames than
 * the trimming simulated.
 */
class MeasuredFifoDepthsTest {
    @TempDir
    Path measuredDir;

    @TempDir
    Path boundDir;

    @Test
    void trimmedFifosKeepTheScheduleOfTheAnalyticDepths() throws IOException {
        CycleRuns measured = CycleRuns.compile(measuredDir, "residual_block", 6);
        CycleRuns bound = CycleRuns.compile(boundDir, "residual_block", 6, "--fifo-depths", "bound");
        Map<String, Long> small = measured.fifoDepths();
        Map<String, Long> big = bound.fifoDepths();
        assertEquals(big.keySet(), small.keySet());
        long before = big.values().stream().mapToLong(Long::longValue).sum();
        long after = small.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(after < before, "measured depths " + small + " vs bound " + big);
        big.forEach((name, depth) -> assertTrue(small.get(name) <= depth, name));
        SimOptions options = SimOptions.DEFAULT.withFastForward(false);
        CycleRuns.assertSameRun(bound.run(options), "analytic depths", measured.run(options), "measured depths");
        String report = Files.readString(measuredDir.resolve("build/report.txt"));
        assertTrue(report.contains("FIFO depths: most beats held in simulated runs"), report);
        assertTrue(Files.readString(measuredDir.resolve("build/report.json")).contains("\"fifos\""));
    }
}
