package dev.nnc.hls.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.BuildWriter;
import dev.nnc.hls.HlsBackend;
import dev.nnc.hls.VerilatorTool;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.model.Instance;
import dev.nnc.hls.model.StreamInterface;
import dev.nnc.hls.netlist.NetlistReaderTest;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.ir.core.ModuleOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written hw-level design using every primitive (dwc, swg, fifo, mvau, fork, add, pool,
 * softmax) through the standard registry: the emitted RTL passes {@code verilator --lint-only
 * -Wall}, the testbench builds with {@code --binary}, and a run of two frames writes every output
 * beat with its cycle, then {@code cycles n}.
 */
class EveryPrimitiveVerilatorTest {
    @TempDir
    Path tmp;

    @Test
    void emitsLintsBuildsAndRuns() throws Exception {
        ModuleOp m = NetlistReaderTest.parse("/dev/nnc/hls/netlist/every-op.nir");
        HlsBackend.Build b = HlsBackend.design(m, "every-op", PrimitiveRegistry.standard());
        Design d = b.design();
        assertEquals(List.of("nnc_dwc", "nnc_swg", "nnc_fifo", "nnc_mvau", "nnc_fork", "nnc_fifo", "nnc_add", "nnc_swg",
                "nnc_pool", "nnc_mvau", "nnc_softmax"), d.top().instances().stream().map(Instance::module).toList());
        VerilatorTool.assumeInstalled();
        BuildFiles files = new BuildFiles();
        DesignFiles.add(d, files);
        Path build = tmp.resolve("build");
        BuildWriter.write(build, files);
        Path rtl = build.resolve("rtl");
        VerilatorTool.Run lint = VerilatorTool.lint(rtl, d.top().name());
        assertEquals(0, lint.exit(), lint.output());
        assertEquals("", lint.output().strip(), "lint must be silent");

        Path tb = build.resolve("tb");
        Path sim = VerilatorTool.build(rtl, tb.resolve(d.testbench().name() + ".sv"), d.testbench().name(), tmp.resolve("obj"));
        StreamInterface in = d.inputs().get(0);
        Random rnd = new Random(3);
        StringBuilder hex = new StringBuilder();
        for (long i = 0; i < 2 * in.beatsPerFrame(); i++) {
            hex.append(String.format("%02x%n", rnd.nextInt(256)));
        }
        Files.writeString(tb.resolve(in.file()), hex);
        VerilatorTool.Run run = VerilatorTool.run(rtl, List.of(sim.toString()));
        assertEquals(0, run.exit(), run.output());
        StreamInterface out = d.outputs().get(0);
        List<String> lines = Files.readAllLines(tb.resolve(out.file()));
        assertEquals(2 * out.beatsPerFrame() + 1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).matches("cycles \\d+"), lines.toString());
    }
}
