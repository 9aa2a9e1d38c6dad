package dev.nnc.tests.cosim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.StreamType;
import dev.nnc.sim.BeatCodec;
import dev.nnc.sim.HwDesign;
import dev.nnc.sim.SinkTrace;
import dev.nnc.sim.TestbenchFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the emitted testbench of a build folder wrote on its last run
 * ({@code tb/output_<name>.txt}, docs/hardware.md §5) independently of the runtime-sim's own
 * reader, so a test can hold the cycle simulator against the files themselves.
 */
final class VerilatorTraces {
    private VerilatorTraces() {
    }

    /** Per design sink, in design order, every {@code <cycle> <hex beat>} line as a trace. */
    static List<SinkTrace> read(Path build, HwDesign design) throws IOException {
        TestbenchFiles tb = TestbenchFiles.of(build);
        List<SinkTrace> out = new ArrayList<>();
        for (int s = 0; s < design.sinks().size(); s++) {
            Operation sink = design.sinks().get(s);
            StreamType st = HwDesign.stream(sink.operand(0), sink);
            BeatCodec codec = BeatCodec.of(st.lanes(), st.element());
            List<String> lines = body(tb.tbDir().resolve(tb.outputFiles().get(s)));
            long[] cycles = new long[lines.size()];
            long[][] beats = new long[lines.size()][];
            for (int i = 0; i < lines.size(); i++) {
                String[] parts = lines.get(i).trim().split("\\s+");
                if (parts.length != 2 || parts[1].length() != codec.digits()) {
                    throw new AssertionError(tb.outputFiles().get(s) + ":" + (i + 1) + ": not '<cycle> <" + codec.digits()
                            + " hex digits>': " + lines.get(i));
                }
                cycles[i] = Long.parseLong(parts[0]);
                beats[i] = codec.fromHex(parts[1]);
            }
            out.add(new SinkTrace(design.sinkName(sink), cycles, beats));
        }
        return out;
    }

    /** The {@code cycles <n>} of the output files, which must all agree. */
    static long cycles(Path build) throws IOException {
        TestbenchFiles tb = TestbenchFiles.of(build);
        long n = -1;
        for (String f : tb.outputFiles()) {
            List<String> lines = Files.readAllLines(tb.tbDir().resolve(f));
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (!last.startsWith("cycles ")) {
                throw new AssertionError(f + ": no final 'cycles <n>' line");
            }
            long c = Long.parseLong(last.substring("cycles ".length()).trim());
            if (n >= 0 && c != n) {
                throw new AssertionError(f + ": cycles " + c + " but another output file says " + n);
            }
            n = c;
        }
        return n;
    }

    private static List<String> body(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("cycles ")) {
            throw new AssertionError(file + ": no final 'cycles <n>' line");
        }
        return lines.subList(0, lines.size() - 1);
    }
}
