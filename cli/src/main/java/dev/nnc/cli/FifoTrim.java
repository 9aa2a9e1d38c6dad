package dev.nnc.cli;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.sim.fifo.MeasuredFifoDepths;
import java.io.PrintWriter;

/** {@code --fifo-depths measured}: runs {@link MeasuredFifoDepths} and says what it did in one line. */
final class FifoTrim {
    private FifoTrim() {
    }

    /** Trims the hw-level {@code module}'s FIFOs; returns the phrase for the report. */
    static String apply(ModuleOp module, PrintWriter err) {
        MeasuredFifoDepths.Result r = MeasuredFifoDepths.trim(module);
        if (!r.applied()) {
            String why = r.reason() == null ? "" : ": " + r.reason();
            err.println("nnc: FIFO depths kept as size-fifos sized them" + why);
            return "size-fifos bound (not trimmed" + why + ")";
        }
        if (r.frames() == 0) {
            return "size-fifos (every FIFO at the 2-beat minimum)";
        }
        long before = 0;
        long after = 0;
        int changed = 0;
        for (MeasuredFifoDepths.Change c : r.changes()) {
            before += c.before();
            after += c.after();
            changed += c.after() != c.before() ? 1 : 0;
        }
        String what = "most beats held in simulated runs of 1-" + r.frames() + " frames + 1, same schedule";
        if (changed > 0) {
            err.println("nnc: " + changed + " FIFO" + (changed == 1 ? "" : "s") + " trimmed to the " + what + " ("
                    + before + " -> " + after + " beats in all)");
        }
        return what;
    }
}
