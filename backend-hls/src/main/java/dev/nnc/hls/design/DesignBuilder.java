package dev.nnc.hls.design;

import dev.nnc.hls.model.Binding;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.model.Instance;
import dev.nnc.hls.model.Param;
import dev.nnc.hls.model.Port;
import dev.nnc.hls.model.SinkAssign;
import dev.nnc.hls.model.StreamInterface;
import dev.nnc.hls.model.Testbench;
import dev.nnc.hls.model.TbStream;
import dev.nnc.hls.model.TopModule;
import dev.nnc.hls.model.Wire;
import dev.nnc.hls.names.NameTable;
import dev.nnc.hls.names.VerilogNames;
import dev.nnc.hls.netlist.Endpoint;
import dev.nnc.hls.netlist.Netlist;
import dev.nnc.hls.netlist.Node;
import dev.nnc.hls.netlist.Stream;
import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.ir.diag.NncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the output model of a design from its netlist: legal unique names for ports, wires and
 * instances (in netlist order, so the same model always gives the same names), the wiring of
 * every stream, each primitive's parameters and memory files, and the testbench.
 *
 * <p>Names: a model input or output keeps its (legalised) ONNX name as its port base; a primitive
 * instance is {@code <kind>_<node>} (e.g. {@code mvau_conv1}); the stream a primitive drives is
 * {@code <instance>_out} (or {@code _out0}, {@code _out1}, ... for several). A memory file is
 * {@code <instance>_<key>} for each key of {@link PrimitiveInstance#memoryFiles()}.
 */
public final class DesignBuilder {
    /** The three signals every stream has; a claimed stream base reserves all of them. */
    static final List<String> SIGNALS = List.of("_valid", "_ready", "_data");
    /** A port base also names the testbench's variables for its stream. */
    static final List<String> PORT_NAMES = List.of("_valid", "_ready", "_data", "_beats", "_word", "_next", "_count", "_fd");
    /** Rising edges with rst high before cycle 0. */
    static final int RESET_CYCLES = 4;
    /** The least default of the testbench's guard: cycles without a transfer at its ports before it gives up. */
    public static final long IDLE_LIMIT = 1_000_000;

    private final Netlist netlist;
    private final PrimitiveRegistry registry;
    private final NameTable names = new NameTable()
            .reserve("clk", "rst", "cycle", "dut", "idle", "idle_limit", "last_beat", "frames", "io_dir", "fd", "reset_left");
    private final String[] streamBase;

    private final long idleLimit;

    private DesignBuilder(Netlist netlist, PrimitiveRegistry registry, long idleLimit) {
        this.netlist = netlist;
        this.registry = registry;
        this.idleLimit = idleLimit;
        this.streamBase = new String[netlist.streams().size()];
    }

    /** The design of {@code netlist}; the top module is named after {@code modelName}. */
    public static Design build(Netlist netlist, PrimitiveRegistry registry, String modelName) {
        return build(netlist, registry, modelName, IDLE_LIMIT);
    }

    /**
     * As {@link #build(Netlist, PrimitiveRegistry, String)}, with the testbench's default guard:
     * {@code idleLimit} cycles without a transfer at the design's ports (a design may compute far
     * longer than that between them: give at least its latency).
     */
    public static Design build(Netlist netlist, PrimitiveRegistry registry, String modelName, long idleLimit) {
        return new DesignBuilder(netlist, registry, idleLimit).build(modelName);
    }

    /** The top module's name for a model: its legal name, kept clear of the primitives' {@code nnc_} modules. */
    public static String topName(String modelName) {
        String top = VerilogNames.legal(modelName, "top");
        return top.toLowerCase(java.util.Locale.ROOT).startsWith("nnc_") ? "m_" + top : top;
    }

    private Design build(String modelName) {
        checkConnectivity();
        String top = topName(modelName);
        names.reserve(top, "tb_" + top);
        List<Port> ports = new ArrayList<>();
        List<StreamInterface> inputs = new ArrayList<>();
        for (Endpoint e : netlist.sources()) {
            StreamInterface s = endpoint(e, "in", "input_", ".hex");
            streamBase[e.stream()] = s.port();
            ports.add(new Port.InputPort(s.port(), s.lanes() * s.elementBits() - 1, interfaceComment("input", e)));
            inputs.add(s);
        }
        List<StreamInterface> outputs = new ArrayList<>();
        for (Endpoint e : netlist.sinks()) {
            StreamInterface s = endpoint(e, "out", "output_", ".txt");
            ports.add(new Port.OutputPort(s.port(), s.lanes() * s.elementBits() - 1, interfaceComment("output", e)));
            outputs.add(s);
        }
        List<Wire> wires = new ArrayList<>();
        List<String> instanceNames = new ArrayList<>();
        for (Node n : netlist.nodes()) {
            instanceNames.add(claimInstance(n, wires));
        }
        List<Instance> instances = new ArrayList<>();
        SortedMap<String, List<String>> memories = new TreeMap<>();
        TreeSet<String> sources = new TreeSet<>();
        for (int i = 0; i < netlist.nodes().size(); i++) {
            Node n = netlist.nodes().get(i);
            String inst = instanceNames.get(i);
            PrimitiveInstance p = registry.instance(n.op());
            instances.add(new Instance(p.module(), inst, instanceComment(n), params(p, inst, memories), bindings(n)));
            sources.addAll(p.sources());
        }
        List<SinkAssign> assigns = new ArrayList<>();
        for (int i = 0; i < netlist.sinks().size(); i++) {
            assigns.add(new SinkAssign(outputs.get(i).port(), streamBase[netlist.sinks().get(i).stream()]));
        }
        TopModule module = new TopModule(top, modelName, ports, wires, instances, assigns);
        Testbench tb = new Testbench("tb_" + top, top, modelName, RESET_CYCLES, idleLimit,
                inputs.stream().map(DesignBuilder::tbStream).toList(), outputs.stream().map(DesignBuilder::tbStream).toList());
        return new Design(module, tb, memories, List.copyOf(sources), inputs, outputs);
    }

    /** A source's or sink's port base (its legal ONNX name, claimed) and interface. */
    private StreamInterface endpoint(Endpoint e, String fallback, String filePrefix, String fileSuffix) {
        String base = names.claim(VerilogNames.legal(e.name(), fallback), PORT_NAMES);
        Stream s = netlist.stream(e.stream());
        return new StreamInterface(e.name(), base, filePrefix + base + fileSuffix, s.lanes(), s.elementBits(), s.element(),
                e.shape(), e.perm(), e.beatsPerFrame());
    }

    /** Claims the instance name of {@code n} and the wires of the streams it drives. */
    private String claimInstance(Node n, List<Wire> wires) {
        String inst = names.claim(instanceBase(n));
        for (int o = 0; o < n.outputs().size(); o++) {
            int id = n.outputs().get(o);
            String base = names.claim(inst + "_" + portPrefix("out", o, n.outputs().size()), SIGNALS);
            streamBase[id] = base;
            Stream s = netlist.stream(id);
            wires.add(new Wire(base, s.beatBits() - 1, s.describe() + " from " + n.op().name()));
        }
        return inst;
    }

    /** Every stream has one producer (a source or a primitive) and one consumer (a primitive or a sink). */
    private void checkConnectivity() {
        int n = netlist.streams().size();
        int[] producers = new int[n];
        int[] consumers = new int[n];
        netlist.sources().forEach(e -> producers[e.stream()]++);
        netlist.sinks().forEach(e -> consumers[e.stream()]++);
        for (Node node : netlist.nodes()) {
            node.outputs().forEach(s -> producers[s]++);
            node.inputs().forEach(s -> consumers[s]++);
        }
        for (int s = 0; s < n; s++) {
            if (producers[s] != 1 || consumers[s] != 1) {
                throw new IllegalStateException("stream " + s + " has " + producers[s] + " producers and " + consumers[s]
                        + " consumers; hw streams are point to point");
            }
        }
        if (netlist.sources().isEmpty() || netlist.sinks().isEmpty()) {
            throw new NncException("nothing to emit: the design needs at least one hw.source and one hw.sink");
        }
    }

    private List<Param> params(PrimitiveInstance p, String inst, SortedMap<String, List<String>> memories) {
        Map<String, String> values = p.parameters(inst);
        for (Map.Entry<String, List<String>> m : p.memoryFiles().entrySet()) {
            String file = inst + "_" + m.getKey();
            if (!values.containsValue("\"" + file + "\"")) {
                throw new IllegalStateException(p.module() + " instance '" + inst + "': memory file " + file
                        + " is named by none of its parameters " + values);
            }
            memories.put(file, m.getValue());
        }
        List<Param> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(new Param(k, v)));
        return out;
    }

    private List<Binding> bindings(Node n) {
        List<Binding> out = new ArrayList<>();
        out.add(new Binding("clk", "clk"));
        out.add(new Binding("rst", "rst"));
        for (int i = 0; i < n.inputs().size(); i++) {
            String port = portPrefix("in", i, n.inputs().size());
            String base = streamBase[n.inputs().get(i)];
            for (String sig : SIGNALS) {
                out.add(new Binding(port + sig, base + sig));
            }
        }
        for (int o = 0; o < n.outputs().size(); o++) {
            String port = portPrefix("out", o, n.outputs().size());
            String base = streamBase[n.outputs().get(o)];
            for (String sig : SIGNALS) {
                out.add(new Binding(port + sig, base + sig));
            }
        }
        return out;
    }

    /**
     * {@code <kind>_<node>} (e.g. {@code mvau_conv1}); the node name alone when it already names
     * the kind (lower-hw names plumbing {@code conv1_in0_fifo}); the kind alone for an op with no name.
     */
    static String instanceBase(Node n) {
        String kind = VerilogNames.sanitize(n.kind());
        String node = VerilogNames.sanitize(n.name());
        if (node.isEmpty()) {
            return VerilogNames.legal(kind, "u");
        }
        boolean named = ("_" + node + "_").toLowerCase(java.util.Locale.ROOT)
                .contains("_" + kind.toLowerCase(java.util.Locale.ROOT) + "_");
        return VerilogNames.legal(named ? node : kind + "_" + node, "u");
    }

    /** {@code in} / {@code out} for a primitive's only stream, {@code in0}, {@code in1}, ... for several. */
    static String portPrefix(String dir, int index, int count) {
        return count == 1 ? dir : dir + index;
    }

    private String instanceComment(Node n) {
        StringBuilder sb = new StringBuilder(n.op().name());
        if (n.name() != null && !n.name().isEmpty()) {
            sb.append(" '").append(printable(n.name())).append("'");
        }
        sb.append(": ");
        appendStreams(sb, n.inputs());
        sb.append(" -> ");
        appendStreams(sb, n.outputs());
        return sb.toString();
    }

    private void appendStreams(StringBuilder sb, List<Integer> ids) {
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(netlist.stream(ids.get(i)).describe());
        }
    }

    private String interfaceComment(String dir, Endpoint e) {
        return dir + " '" + printable(e.name()) + "': " + beats(e.beatsPerFrame()) + " per frame of "
                + netlist.stream(e.stream()).describe();
    }

    private static TbStream tbStream(StreamInterface s) {
        return new TbStream(s.port(), s.lanes() * s.elementBits() - 1, s.file(), s.beatsPerFrame(),
                "'" + printable(s.name()) + "': " + beats(s.beatsPerFrame()) + " per frame of " + s.lanes() + " x " + s.element());
    }

    /** {@code 1 beat}, {@code 3 beats}. */
    public static String beats(long n) {
        return n + (n == 1 ? " beat" : " beats");
    }

    /** A name safe inside a {@code //} comment: printable ASCII only. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return sb.toString();
    }
}
