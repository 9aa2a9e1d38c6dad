package dev.nnc.sim.engine;

import dev.nnc.sim.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line message of a deadlock: how far each source and sink got, every stream where a
 * producer offers a beat its consumer will not take, and the components that took beats after
 * their last output (they hold data they never passed on).
 */
final class DeadlockReport {
    private DeadlockReport() {
    }

    static String describe(Netlist netlist, Component[] comps, int[] sProd, int[] sOut, int[] sCons, int[] sIn,
                           long[] lastIn, long[] lastOut, long cycle, long quiet) {
        List<String> progress = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (Netlist.Node node : netlist.nodes()) {
            if (node.component() instanceof SourceDriver d) {
                progress.add("source " + node.name() + " " + d.beatsTaken() + " of " + d.totalBeats() + " beats taken");
            } else if (node.component() instanceof SinkMonitor k) {
                progress.add("sink " + node.name() + " " + k.received() + " of " + k.expected() + " beats received");
            }
        }
        for (int s = 0; s < sProd.length; s++) {
            if (comps[sProd[s]].outValid(sOut[s]) && !comps[sCons[s]].inReady(sIn[s])) {
                stuck.add(name(netlist, sCons[s]) + " refuses " + port("in", sIn[s], comps[sCons[s]].inputCount())
                        + " from " + name(netlist, sProd[s]));
            }
        }
        List<String> holding = new ArrayList<>();
        for (int i = 0; i < comps.length; i++) {
            Component c = comps[i];
            if (c.inputCount() > 0 && c.outputCount() > 0 && lastIn[i] > lastOut[i]) {
                holding.add(name(netlist, i));
            }
        }
        String blame = stuck.isEmpty()
                ? "no component offers a beat (every stream is empty)"
                : "stuck: " + String.join(", ", stuck);
        String held = holding.isEmpty() ? "" : "; holding beats taken after their last output: " + String.join(", ", holding);
        return "deadlock: no transfer for " + quiet + " cycles (at cycle " + cycle + "); "
                + String.join(", ", progress) + "; " + blame + held;
    }

    private static String name(Netlist netlist, int node) {
        Netlist.Node n = netlist.nodes().get(node);
        return n.name() + " (" + n.kind() + ")";
    }

    private static String port(String prefix, int port, int count) {
        return count == 1 ? prefix : prefix + port;
    }
}
