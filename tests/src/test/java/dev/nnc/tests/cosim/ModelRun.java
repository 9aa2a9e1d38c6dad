package dev.nnc.tests.cosim;

import dev.nnc.sim.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Java cycle model under the testbench's handshake policy and writes the same transfer
 * trace the generated SystemVerilog testbench writes: one line {@code <cycle> <port> <hex>} per
 * transfer (inputs in port order, then outputs, within a cycle) and a last line
 * {@code end <cycle>}. The stop rule is the testbench's: the first cycle at which every input
 * beat was taken and every output delivered its expected beats is {@code done}; the run stops at
 * cycle {@code done + drain} (so extra output beats still show up) or at {@code maxCycles}.
 *
 * <p>With {@code skipIdle} the run does what the cycle simulator does: it skips the clock of a
 * cycle with no transfer when the model says it is {@link Component#idle}. A correct
 * {@code idle()} gives the same trace either way.
 */
final class ModelRun {
    private ModelRun() {
    }

    /** The trace lines; {@code outputs} receives each output's beats (copies). */
    static List<String> run(Component model, List<StreamPort> inPorts, List<List<long[]>> inBeats,
                            List<StreamPort> outPorts, int[] expected, HandshakePolicy policy,
                            int drain, long maxCycles, boolean skipIdle, List<List<long[]>> outputs) {
        int ni = inPorts.size();
        int no = outPorts.size();
        if (model.inputCount() != ni || model.outputCount() != no) {
            throw new IllegalArgumentException("model has " + model.inputCount() + " inputs and "
                    + model.outputCount() + " outputs, the test declares " + ni + " and " + no);
        }
        List<String> trace = new ArrayList<>();
        int[] idx = new int[ni];
        boolean[] pend = new boolean[ni];
        int[] got = new int[no];
        long[][] accepted = new long[ni][];
        boolean[] taken = new boolean[no];
        for (int o = 0; o < no; o++) {
            outputs.add(new ArrayList<>());
        }
        model.reset();
        long doneAt = -1;
        for (long c = 0; ; c++) {
            if ((doneAt >= 0 && c >= doneAt + drain) || c >= maxCycles) {
                trace.add("end " + c);
                return trace;
            }
            if (doneAt < 0 && allDone(idx, inBeats, got, expected)) {
                doneAt = c;
            }
            for (int k = 0; k < ni; k++) {
                boolean valid = idx[k] < inBeats.get(k).size() && (pend[k] || policy.validBit(k, c));
                boolean fire = valid && model.inReady(k);
                accepted[k] = fire ? inBeats.get(k).get(idx[k]).clone() : null;
                if (fire) {
                    trace.add(c + " " + portName("in", k, ni) + " " + inPorts.get(k).hex(accepted[k]));
                    idx[k]++;
                }
                pend[k] = valid && !fire;
            }
            for (int o = 0; o < no; o++) {
                taken[o] = model.outValid(o) && policy.readyBit(o, c);
                if (taken[o]) {
                    long[] beat = model.outData(o).clone();
                    trace.add(c + " " + portName("out", o, no) + " " + outPorts.get(o).hex(beat));
                    outputs.get(o).add(beat);
                    got[o]++;
                }
            }
            if (!(skipIdle && noTransfer(accepted, taken) && model.idle())) {
                model.clock(accepted, taken);
            }
        }
    }

    private static boolean noTransfer(long[][] accepted, boolean[] taken) {
        for (long[] a : accepted) {
            if (a != null) {
                return false;
            }
        }
        for (boolean t : taken) {
            if (t) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDone(int[] idx, List<List<long[]>> inBeats, int[] got, int[] expected) {
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < inBeats.get(k).size()) {
                return false;
            }
        }
        for (int o = 0; o < got.length; o++) {
            if (got[o] < expected[o]) {
                return false;
            }
        }
        return true;
    }

    /** {@code in}/{@code out} for a single stream, {@code in0}, {@code in1}, ... for several. */
    static String portName(String base, int i, int count) {
        return count == 1 ? base : base + i;
    }
}
