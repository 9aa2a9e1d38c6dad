package dev.nnc.hls.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.FakePrimitives;
import dev.nnc.hls.design.DesignBuilder;
import dev.nnc.hls.design.TestNetlists;
import dev.nnc.hls.emit.Templates;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.ir.diag.NncException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    static Report sample() {
        Netlist n = TestNetlists.residual();
        Design d = DesignBuilder.build(n, FakePrimitives.registry(), "tiny");
        Estimate e = new Estimate("xc7z020", false, new Resources(220, 280, 53200, 17400, 0, 0), List.of(
                new LayerEstimate("conv/1", "addmem", 1, 2, 6, new Resources(0, 1, 40, 0, 0, 0)),
                new LayerEstimate("module", "addmem", 1, 2, 6, new Resources(0, 0, 40, 16, 0, 0)),
                new LayerEstimate("add", "join", 1, 2, 9, new Resources(1, 0, 20, 0, 0, 0))), 9, 30);
        return ReportBuilder.build("tiny", "fpga", n, d, e, Clock.parse("200MHz"), "lower-hw,size-fifos", 1234,
                "size-fifos");
    }

    @Test
    void layersAreMatchedToInstancesAndTimedAtTheClock() {
        Report r = sample();
        assertEquals(List.of("addmem_conv_1", "addmem_module", "join_add"),
                r.layers().stream().map(Report.Layer::instance).toList());
        assertEquals(new Resources(1, 1, 100, 16, 0, 0), r.total());
        assertEquals(45.0, r.iiNs());
        assertEquals(150.0, r.latencyNs());
        assertEquals(22222222.2, r.framesPerSecond());
    }

    @Test
    void textIsAlignedAndComplete() {
        String text = Templates.render(Templates.REPORT, ReportText.of(sample()));
        assertTrue(text.contains("target fpga, device xc7z020, clock 200 MHz (period 5 ns)"), text);
        assertTrue(text.contains("initiation interval   9 cycles  = 45 ns   (22222222.2 frames/s)"), text);
        assertTrue(text.contains("  conv/1          addmem_conv_1  addmem      1     2             6     0       1     40       0"), text);
        assertTrue(text.contains("  utilisation"), text);
        assertTrue(text.contains("compile time 1.23 s"), text);
        assertTrue(text.contains("input 'input.1': port input_1_*, 3 beats per frame of 2 x fixed<8,4>"), text);
        assertTrue(!text.contains("\r"), "\\n line ends only");
    }

    @Test
    void jsonRoundTrips() {
        Report r = sample();
        String json = ReportJson.write(r);
        assertTrue(json.contains("\"ii_cycles\" : 9"), json);
        assertTrue(json.contains("\"testbench_top\" : \"tb_tiny\""), json);
        assertEquals(r, ReportJson.read(json));
    }

    @Test
    void clockSpellings() {
        assertEquals(200.0, Clock.parse("200MHz").mhz());
        assertEquals(200.0, Clock.parse("200 mhz").mhz());
        assertEquals(250.0, Clock.parse("0.25GHz").mhz());
        assertEquals(200.0, Clock.parse("5ns").mhz());
        assertEquals(100.0, Clock.parse("100").mhz());
        assertEquals("166.667 MHz", Clock.parse("6ns").describe());
        assertThrows(NncException.class, () -> Clock.parse("fast"));
        assertThrows(NncException.class, () -> Clock.parse("0MHz"));
    }
}
