package dev.nnc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import dev.nnc.sim.engine.SimOptions;
import dev.nnc.sim.engine.Toys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The host side and the cycle engine on small hw-level functions whose primitives are toy
 * components: inputs quantized on the host, streamed through the perm, collected by the sink and
 * dequantized, with the testbench timing of docs/hardware.md §5.
 */
class HwSimulationTest {
    private static final String FIFO_DESIGN = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x2x2x3xf32>):
                %q = "q.quantize"(%x) : (tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xfixed<8,4>>
                %s0 = "hw.source"(%q) <{perm = [0, 2, 3, 1]}> : (tensor<1x2x2x3xfixed<8,4>>) -> !hw.stream<LANESxfixed<8,4>>
                %s1 = "hw.fifo"(%s0) <{depth = 2}> : (!hw.stream<LANESxfixed<8,4>>) -> !hw.stream<LANESxfixed<8,4>>
                %t = "hw.sink"(%s1) <{perm = [0, 3, 1, 2]}> : (!hw.stream<LANESxfixed<8,4>>) -> tensor<1x2x2x3xfixed<8,4>>
                %y = "q.dequantize"(%t) : (tensor<1x2x2x3xfixed<8,4>>) -> tensor<1x2x2x3xf32>
                "func.return"(%y) : (tensor<1x2x2x3xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    private static final String QUANTIZE_ONLY = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x2x2x3xf32>):
                %q = "q.quantize"(%x) : (tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xfixed<8,4>>
                %y = "q.dequantize"(%q) : (tensor<1x2x2x3xfixed<8,4>>) -> tensor<1x2x2x3xf32>
                "func.return"(%y) : (tensor<1x2x2x3xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    private static HwDesign design(String text, int lanes) {
        return HwDesign.of(IrParser.parse(text.replace("LANES", Integer.toString(lanes)), "test.nir"));
    }

    private static CycleEngine toyEngine() {
        ComponentRegistry r = new ComponentRegistry().register("hw.fifo",
                op -> new Toys.Fifo(2, HwDesign.stream(op.result(0), op).lanes()));
        return new CycleEngine(r, SimOptions.DEFAULT);
    }

    private static List<Map<String, Tensor>> frames(int n) {
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double[] v = new double[12];
            for (int i = 0; i < v.length; i++) {
                v[i] = (i - 6) * 0.37 + f;
            }
            out.add(Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, 2, 3}, v)));
        }
        return out;
    }

    @Test
    void fixedOutputsEqualTheQuantizedInputsAndTheTimingFollowsTheTestbench() {
        HwDesign d = design(FIFO_DESIGN, 1);
        List<Map<String, Tensor>> in = frames(3);
        HostSimulation.Outcome o = new HostSimulation(d).run(toyEngine(), in);
        List<Map<String, Tensor>> expected = Reference.fixedOutputs(IrParser.parse(QUANTIZE_ONLY, "ref.nir"), in);
        List<BitComparison> cmp = BitComparison.compare(o.fixedOutputs(), expected);
        assertEquals(1, cmp.size());
        assertTrue(cmp.get(0).matches(), cmp.toString());
        assertEquals(36, cmp.get(0).elements());
        // 12 beats per frame through one FIFO: beat i leaves at cycle i + 1
        assertEquals(37, o.run().cycles());
        assertEquals(13, o.run().frames().get(0).latency());
        assertEquals(12.0, o.run().initiationInterval());
        assertEquals(36, o.run().traces().get(0).size());
        assertEquals("y", o.run().traces().get(0).name());
        Tensor y = o.outputs().get(1).get("y");
        assertEquals(FloatType.F32, y.elementType());
        assertEquals(1.0 + (0 - 6) * 0.37, y.getDouble(0), 1.0 / 16);
    }

    @Test
    void channelsTravelAsLanesOfOneBeat() {
        HwDesign d = design(FIFO_DESIGN, 2);
        List<Map<String, Tensor>> in = frames(1);
        HostSimulation.Outcome o = new HostSimulation(d).run(toyEngine(), in);
        List<Map<String, Tensor>> expected = Reference.fixedOutputs(IrParser.parse(QUANTIZE_ONLY, "ref.nir"), in);
        assertTrue(BitComparison.compare(o.fixedOutputs(), expected).get(0).matches());
        SinkTrace t = o.run().traces().get(0);
        assertEquals(6, t.size());
        Tensor q = expected.get(0).get("y");
        // x is [1, C=2, H=2, W=3]: beat 0 = pixel (0,0) with channels 0, 1 = NCHW elements 0, 6; beat 1 = pixel (0,1)
        assertEquals(List.of(q.getLong(0), q.getLong(6)), List.of(t.beats()[0][0], t.beats()[0][1]));
        assertEquals(List.of(q.getLong(1), q.getLong(7)), List.of(t.beats()[1][0], t.beats()[1][1]));
    }

    @Test
    void aMismatchIsReportedWithItsFirstDifference() {
        HwDesign d = design(FIFO_DESIGN, 1);
        List<Map<String, Tensor>> in = frames(2);
        HostSimulation.Outcome o = new HostSimulation(d).run(toyEngine(), in);
        List<Map<String, Tensor>> other = frames(2).subList(1, 2);
        List<Map<String, Tensor>> expected = Reference.fixedOutputs(IrParser.parse(QUANTIZE_ONLY, "ref.nir"),
                List.of(other.get(0), other.get(0)));
        BitComparison c = BitComparison.compare(o.fixedOutputs(), expected).get(0);
        assertTrue(!c.matches());
        assertTrue(c.first().startsWith("frame 0 [0]: "), c.first());
    }

    @Test
    void anOpWithoutACycleModelIsNamed() {
        HwDesign d = design(FIFO_DESIGN, 1);
        CycleEngine bare = new CycleEngine(new ComponentRegistry(), SimOptions.DEFAULT);
        NncException e = assertThrows(NncException.class, () -> new HostSimulation(d).run(bare, frames(1)));
        assertTrue(e.getMessage().startsWith("no cycle model for hw.fifo"), e.getMessage());
    }

    @Test
    void aFunctionWithoutHardwareIsRejected() {
        ModuleOp m = IrParser.parse(QUANTIZE_ONLY, "q.nir");
        NncException e = assertThrows(NncException.class, () -> HwDesign.of(m));
        assertTrue(e.getMessage().contains("not a hw-level design"), e.getMessage());
    }
}
