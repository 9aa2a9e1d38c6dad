package dev.nnc.hls.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

public class NetlistReaderTest {
    public static ModuleOp parse(String resource) throws IOException {
        try (InputStream in = NetlistReaderTest.class.getResourceAsStream(resource)) {
            return IrParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }

    @Test
    void readsStreamsNodesAndTheHostNamesOfSourcesAndSinks() throws IOException {
        Netlist n = NetlistReader.read(parse("/dev/nnc/hls/netlist/every-op.nir").mainFunction());
        assertEquals(List.of("dwc", "swg", "fifo", "mvau", "fork", "fifo", "add", "swg", "pool", "mvau", "softmax"),
                n.nodes().stream().map(Node::kind).toList());
        Endpoint in = n.sources().get(0);
        assertEquals("input.1", in.name());
        assertEquals(List.of(1L, 2L, 4L, 4L), in.shape());
        assertEquals(List.of(0L, 2L, 3L, 1L), in.perm());
        assertEquals(32, in.beatsPerFrame());
        Endpoint out = n.sinks().get(0);
        assertEquals("probs", out.name());
        assertEquals(4, out.beatsPerFrame());
        assertEquals(new Stream(2, 8, "fixed<8,3>"), n.stream(n.nodes().get(0).outputs().get(0)));
        assertEquals(new Stream(1, 8, "ufixed<8,0>"), n.stream(out.stream()));
        // the conv's MVAU keeps its ONNX node name; the others fall back to their result names
        assertEquals("conv", n.nodes().get(3).name());
        assertEquals("s1", n.nodes().get(0).name());
        // the fork feeds the fifo (operand 0 of add) and the add (operand 1) directly
        Node fork = n.nodes().get(4);
        Node add = n.nodes().get(6);
        assertEquals(fork.outputs().get(1), add.inputs().get(1));
        assertEquals(n.nodes().get(5).outputs().get(0), add.inputs().get(0));
    }
}
