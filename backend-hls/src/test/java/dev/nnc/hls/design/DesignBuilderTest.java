package dev.nnc.hls.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.FakePrimitives;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.model.Instance;
import dev.nnc.hls.netlist.Endpoint;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.hls.netlist.Node;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.ir.diag.NncException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignBuilderTest {
    @Test
    void namesComeFromTheModelAndAreLegal() {
        Design d = DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "tiny-net");
        assertEquals("tiny_net", d.top().name());
        assertEquals("tb_tiny_net", d.testbench().name());
        assertEquals(List.of("addmem_conv_1", "tfork_conv_1", "addmem_module", "join_add"),
                d.top().instances().stream().map(Instance::name).toList());
        assertEquals("input_1", d.inputs().get(0).port());
        assertEquals("input_input_1.hex", d.inputs().get(0).file());
        assertEquals("output_i", d.outputs().get(0).port());
        assertEquals("output_output_i.txt", d.outputs().get(0).file());
        assertEquals(Set.of("addmem_conv_1_mem.mem", "addmem_module_mem.mem"), d.memoryFiles().keySet());
        assertEquals(List.of("test_addmem.sv", "test_fork.sv", "test_join.sv"), d.sources());
    }

    @Test
    void sameNodeNamesGetDistinctInstances() {
        Netlist n = TestNetlists.residual();
        List<Node> renamed = n.nodes().stream().map(x -> new Node(x.op(), "same", x.inputs(), x.outputs())).toList();
        Design d = DesignBuilder.build(new Netlist(n.streams(), n.sources(), n.sinks(), renamed),
                FakePrimitives.registry(), "m");
        List<String> names = d.top().instances().stream().map(Instance::name).toList();
        assertEquals(List.of("addmem_same", "tfork_same", "addmem_same_1", "join_same"), names);
    }

    @Test
    void instancesAreKindThenNodeUnlessTheNodeNameAlreadySaysTheKind() {
        assertEquals("mvau_conv1", DesignBuilder.instanceBase(node("hw.mvau", "conv1")));
        assertEquals("conv1_in0_fifo", DesignBuilder.instanceBase(node("hw.fifo", "conv1_in0_fifo")));
        assertEquals("fifo_fifoless", DesignBuilder.instanceBase(node("hw.fifo", "fifoless")));
        assertEquals("fork_i", DesignBuilder.instanceBase(node("hw.fork", null))); // fork is a keyword
        assertEquals("swg_features_0_Conv", DesignBuilder.instanceBase(node("hw.swg", "/features/0/Conv")));
    }

    private static Node node(String op, String name) {
        return new Node(dev.nnc.ir.core.Operation.create(op, List.of(), List.of(), java.util.Map.of(),
                dev.nnc.ir.core.Location.UNKNOWN), name, List.of(), List.of());
    }

    @Test
    void portsCollidingWithInternalNamesStayDistinct() {
        Netlist n = TestNetlists.residual();
        Endpoint in = n.sources().get(0);
        Endpoint out = n.sinks().get(0);
        Netlist clash = new Netlist(n.streams(),
                List.of(new Endpoint("clk", in.stream(), in.shape(), in.perm(), in.beatsPerFrame())),
                List.of(new Endpoint("CLK", out.stream(), out.shape(), out.perm(), out.beatsPerFrame())), n.nodes());
        Design d = DesignBuilder.build(clash, FakePrimitives.registry(), "nnc_fifo");
        assertEquals("m_nnc_fifo", d.top().name());
        assertEquals("clk_1", d.inputs().get(0).port());
        assertEquals("CLK_2", d.outputs().get(0).port());
    }

    @Test
    void theSameNetlistGivesTheSameBytes() {
        BuildFiles a = files(DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "tiny"));
        BuildFiles b = files(DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "tiny"));
        assertEquals(a.files().keySet(), b.files().keySet());
        for (String f : a.files().keySet()) {
            assertTrue(Arrays.equals(a.files().get(f), b.files().get(f)), f);
        }
        assertEquals(Set.of("rtl/tiny.sv", "rtl/test_addmem.sv", "rtl/test_fork.sv", "rtl/test_join.sv",
                "rtl/addmem_conv_1_mem.mem", "rtl/addmem_module_mem.mem", "tb/tb_tiny.sv"), new HashSet<>(a.files().keySet()));
        assertEquals("1\n2\n3\n4\n", a.text("rtl/addmem_conv_1_mem.mem"));
    }

    @Test
    void theTestbenchGuardIsTheGivenIdleLimit() {
        Design d = DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "m", 60_718_664);
        assertEquals(60_718_664, d.testbench().idleLimit());
        String tb = files(d).text("tb/tb_m.sv");
        assertTrue(tb.contains("if (!$value$plusargs(\"idle_limit=%d\", idle_limit)) idle_limit = 60718664;"), tb);
        assertEquals(DesignBuilder.IDLE_LIMIT,
                DesignBuilder.build(TestNetlists.residual(), FakePrimitives.registry(), "m").testbench().idleLimit());
    }

    @Test
    void anOpWithoutPrimitiveIsNamed() {
        NncException e = assertThrows(NncException.class,
                () -> DesignBuilder.build(TestNetlists.residual(), PrimitiveRegistry.empty(), "m"));
        assertTrue(e.oneLine().contains("no RTL primitive for hw.addmem") && e.oneLine().contains("conv/1"), e.oneLine());
    }

    @Test
    void aStreamWithTwoConsumersIsABug() {
        Netlist n = TestNetlists.residual();
        List<Node> nodes = new java.util.ArrayList<>(n.nodes());
        Node j = nodes.get(3);
        nodes.set(3, new Node(j.op(), j.name(), List.of(4, 4), j.outputs()));
        assertThrows(IllegalStateException.class, () -> DesignBuilder.build(
                new Netlist(n.streams(), n.sources(), n.sinks(), nodes), FakePrimitives.registry(), "m"));
    }

    private static BuildFiles files(Design d) {
        BuildFiles f = new BuildFiles();
        DesignFiles.add(d, f);
        return f;
    }
}
