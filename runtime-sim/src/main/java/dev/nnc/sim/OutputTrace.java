package dev.nnc.sim;

import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A testbench output file (docs/hardware.md §5): one {@code <cycle> <hex beat>} line per output
 * beat, then {@code cycles <n>}.
 */
record OutputTrace(SinkTrace trace, long cycles) {

    static OutputTrace read(Path file, String name, BeatCodec codec) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new NncException(file + ": the testbench wrote no output (" + e.getMessage() + ")");
        }
        if (lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("cycles ")) {
            throw new NncException(file + ": no final 'cycles <n>' line (did the simulation stop early?)");
        }
        int n = lines.size() - 1;
        long[] cycles = new long[n];
        long[][] beats = new long[n][];
        for (int i = 0; i < n; i++) {
            String[] parts = lines.get(i).trim().split("\\s+");
            if (parts.length != 2) {
                throw new NncException(file + ":" + (i + 1) + ": expected '<cycle> <hex beat>', got '" + lines.get(i) + "'");
            }
            try {
                cycles[i] = Long.parseLong(parts[0]);
                beats[i] = codec.fromHex(parts[1]);
            } catch (NumberFormatException e) {
                throw new NncException(file + ":" + (i + 1) + ": expected '<cycle> <hex beat>', got '" + lines.get(i) + "'");
            }
        }
        long total;
        try {
            total = Long.parseLong(lines.get(n).substring("cycles ".length()).trim());
        } catch (NumberFormatException e) {
            throw new NncException(file + ":" + (n + 1) + ": bad cycle count '" + lines.get(n) + "'");
        }
        return new OutputTrace(new SinkTrace(name, cycles, beats), total);
    }
}
