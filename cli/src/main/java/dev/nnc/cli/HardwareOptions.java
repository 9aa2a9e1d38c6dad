package dev.nnc.cli;

import dev.nnc.hls.report.Clock;
import dev.nnc.ir.diag.NncException;
import picocli.CommandLine.Option;

/** {@code --device}, {@code --clock} and {@code --fifo-depths} of {@code nnc compile --target fpga|asic} (a picocli mixin). */
public final class HardwareOptions {
    /** The device --target fpga uses by default, and the one --target asic always uses. */
    static final String DEFAULT_FPGA = "xc7z020";
    static final String ASIC = "asic";

    @Option(names = "--device", paramLabel = "NAME",
            description = "fpga: the device whose DSP/BRAM/LUT budget the fold pass fills: xc7z020 (default), xczu3eg, xcu250. "
                    + "asic: only the generic 'asic' device.")
    String device;

    @Option(names = "--clock", paramLabel = "FREQ", defaultValue = "200MHz",
            description = "Clock target for latency and throughput in time, e.g. 200MHz or 5ns (default ${DEFAULT-VALUE}).")
    String clock = "200MHz";

    @Option(names = "--fifo-depths", paramLabel = "HOW", defaultValue = "measured",
            description = "measured (default): after size-fifos, simulate the design (zeros; its timing does not depend on "
                    + "data) and shrink every FIFO to the most beats it holds + 1, which keeps every cycle of the schedule "
                    + "(checked by simulating again; otherwise the depths stay). bound: keep size-fifos' analytic depths.")
    String fifoDepths = "measured";

    /** Whether FIFO depths are trimmed to the simulated high-water marks. */
    boolean measuredFifoDepths() {
        return switch (fifoDepths) {
            case "measured" -> true;
            case "bound" -> false;
            default -> throw new NncException("--fifo-depths must be measured or bound, not '" + fifoDepths + "'");
        };
    }

    /** The device for {@code target} ({@code fpga} or {@code asic}). */
    String device(String target) {
        if (target.equals(ASIC)) {
            if (device != null && !device.equals(ASIC)) {
                throw new NncException("--target asic uses the generic 'asic' device, not --device " + device);
            }
            return ASIC;
        }
        return device == null ? DEFAULT_FPGA : device;
    }

    Clock clock() {
        return Clock.parse(clock);
    }
}
