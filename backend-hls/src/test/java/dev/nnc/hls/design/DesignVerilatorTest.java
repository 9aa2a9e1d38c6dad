package dev.nnc.hls.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.BuildWriter;
import dev.nnc.hls.FakePrimitives;
import dev.nnc.hls.VerilatorTool;
import dev.nnc.hls.model.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted top module and testbench of a small fork/join design on the test primitives pass
 * {@code verilator --lint-only -Wall}, build with {@code --binary}, and the run gives the expected
 * beats, one per line with its cycle, then {@code cycles n}.
 */
class DesignVerilatorTest {
    @TempDir
    Path tmp;

    @Test
    void residualDesignLintsBuildsAndRuns() throws Exception {
        VerilatorTool.assumeInstalled();
        Design d = DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "tiny-net");
        BuildFiles files = new BuildFiles();
        DesignFiles.add(d, files);
        String keep = System.getProperty("nnc.keep");
        Path build = keep != null ? Path.of(keep) : tmp.resolve("build");
        BuildWriter.write(build, files);
        Path rtl = build.resolve("rtl");

        VerilatorTool.Run lint = VerilatorTool.lint(rtl, d.top().name());
        assertEquals(0, lint.exit(), lint.output());
        assertEquals("", lint.output().strip(), "lint must be silent");

        Path tb = build.resolve("tb");
        Path sim = VerilatorTool.build(rtl, tb.resolve(d.testbench().name() + ".sv"), d.testbench().name(), tmp.resolve("obj"));
        long[] x = {0x0102, 0x0304, 0xfffe, 0x8000, 0x7f7f, 0x00ff};
        StringBuilder hex = new StringBuilder();
        for (long v : x) {
            hex.append(String.format("%04x%n", v));
        }
        String port = d.inputs().get(0).port();
        Files.writeString(tb.resolve("input_" + port + ".hex"), hex);
        VerilatorTool.Run run = VerilatorTool.run(rtl, List.of(sim.toString()));
        assertEquals(0, run.exit(), run.output());

        List<String> lines = Files.readAllLines(tb.resolve(d.outputs().get(0).file()));
        long[] expected = TestNetlists.residualOutputs(x);
        assertEquals(x.length + 1, lines.size(), String.join("\n", lines));
        List<Long> cycles = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            String[] parts = lines.get(k).split(" ");
            cycles.add(Long.parseLong(parts[0]));
            assertEquals(String.format("%04x", expected[k]), parts[1], "beat " + k);
        }
        for (int k = 1; k < cycles.size(); k++) {
            assertEquals(true, cycles.get(k) > cycles.get(k - 1), "cycles increase: " + cycles);
        }
        assertEquals("cycles " + (cycles.get(cycles.size() - 1) + 1), lines.get(x.length));
    }

    @Test
    void theGuardStopsADesignThatNeverOutputsAndBadInputsAreRefused() throws Exception {
        VerilatorTool.assumeInstalled();
        Design d = DesignBuilder.build(TestNetlists.stalled(), FakePrimitives.registry(), "stuck");
        BuildFiles files = new BuildFiles();
        DesignFiles.add(d, files);
        Path build = tmp.resolve("build");
        BuildWriter.write(build, files);
        Path rtl = build.resolve("rtl");
        Path tb = build.resolve("tb");
        Path sim = VerilatorTool.build(rtl, tb.resolve(d.testbench().name() + ".sv"), d.testbench().name(), tmp.resolve("obj"));
        Files.writeString(tb.resolve("input_x.hex"), "0001\n0002\n0003\n");
        VerilatorTool.Run run = VerilatorTool.run(rtl, List.of(sim.toString(), "+idle_limit=50"));
        assertTrue(run.exit() != 0, run.output());
        assertTrue(run.output().contains("tb: output_y.txt: 0 of 3 beats received"), run.output());
        assertTrue(run.output().contains("tb: no transfer for 50 cycles"), run.output());

        Files.writeString(tb.resolve("input_x.hex"), "0001\n0002\n");
        VerilatorTool.Run partial = VerilatorTool.run(rtl, List.of(sim.toString()));
        assertTrue(partial.exit() != 0, partial.output());
        assertTrue(partial.output().contains("input_x.hex has 2 beats, not a whole number of 3-beat frames"), partial.output());

        Path io = tmp.resolve("io");
        Files.createDirectories(io);
        VerilatorTool.Run missing = VerilatorTool.run(rtl, List.of(sim.toString(), "+io_dir=" + io));
        assertTrue(missing.exit() != 0, missing.output());
        assertTrue(missing.output().contains("tb: cannot read " + io + "/input_x.hex"), missing.output());
    }
}
