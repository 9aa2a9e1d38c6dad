package dev.nnc.sim.engine;

import dev.nnc.sim.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Components joined by point-to-point streams: the structure the {@link Simulator} runs. Each
 * stream goes from one output port to one input port (fan-out is an explicit fork component, as
 * in the hw dialect). Built once with {@link Builder}; the simulator reads it into plain arrays.
 */
public final class Netlist {
    /** One stream: producer's output port → consumer's input port, {@code lanes} elements per beat. */
    public record Stream(int producer, int outPort, int consumer, int inPort, int lanes) {
    }

    /** One component with the name reports use and its kind (the hw op name, e.g. {@code hw.fifo}). */
    public record Node(String name, String kind, Component component) {
    }

    private final List<Node> nodes;
    private final List<Stream> streams;

    private Netlist(List<Node> nodes, List<Stream> streams) {
        this.nodes = List.copyOf(nodes);
        this.streams = List.copyOf(streams);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Stream> streams() {
        return streams;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds components and connects their ports; {@link #build} checks every port is wired exactly once. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final List<Stream> streams = new ArrayList<>();

        /** Adds a component and returns its index. */
        public int add(String name, String kind, Component component) {
            nodes.add(new Node(name, kind, component));
            return nodes.size() - 1;
        }

        /** Connects output {@code outPort} of {@code producer} to input {@code inPort} of {@code consumer}. */
        public Builder connect(int producer, int outPort, int consumer, int inPort, int lanes) {
            streams.add(new Stream(producer, outPort, consumer, inPort, lanes));
            return this;
        }

        public Netlist build() {
            boolean[][] inWired = new boolean[nodes.size()][];
            boolean[][] outWired = new boolean[nodes.size()][];
            for (int i = 0; i < nodes.size(); i++) {
                inWired[i] = new boolean[nodes.get(i).component().inputCount()];
                outWired[i] = new boolean[nodes.get(i).component().outputCount()];
            }
            for (Stream s : streams) {
                mark(outWired, s.producer(), s.outPort(), "output");
                mark(inWired, s.consumer(), s.inPort(), "input");
            }
            for (int i = 0; i < nodes.size(); i++) {
                requireAll(inWired[i], i, "input");
                requireAll(outWired[i], i, "output");
            }
            return new Netlist(nodes, streams);
        }

        private void mark(boolean[][] wired, int node, int port, String what) {
            if (node < 0 || node >= nodes.size() || port < 0 || port >= wired[node].length) {
                throw new IllegalArgumentException("no " + what + " port " + port + " on component " + node);
            }
            if (wired[node][port]) {
                throw new IllegalArgumentException(what + " " + port + " of " + nodes.get(node).name() + " is connected twice");
            }
            wired[node][port] = true;
        }

        private void requireAll(boolean[] wired, int node, String what) {
            for (int p = 0; p < wired.length; p++) {
                if (!wired[p]) {
                    throw new IllegalArgumentException(what + " " + p + " of " + nodes.get(node).name() + " is not connected");
                }
            }
        }
    }
}
