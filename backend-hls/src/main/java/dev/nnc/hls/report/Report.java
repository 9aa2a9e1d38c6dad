package dev.nnc.hls.report;

import dev.nnc.hls.model.StreamInterface;
import java.util.List;

/**
 * What {@code nnc compile --target fpga} reports about a design, written as {@code report.json}
 * (field names in snake case) and, through {@link ReportText}, as {@code report.txt}. Every field
 * is a pure function of the model and the options except {@code compileTimeMs}. {@code pipeline}
 * is the pass pipeline that produced the design (empty for a design given at the hw level);
 * {@code fifoDepths} says how the FIFO depths were chosen.
 */
public record Report(String model, String top, String target, String device, boolean asic, double clockMhz,
                     double clockPeriodNs,
                     long iiCycles, double iiNs, double framesPerSecond, long latencyCycles, double latencyNs,
                     List<Layer> layers, List<Fifo> fifos, String fifoDepths, Resources total, Resources budget,
                     Interface streams, Files files, String pipeline, long compileTimeMs) {
    public Report {
        layers = List.copyOf(layers);
        fifos = List.copyOf(fifos);
    }

    /** One stream FIFO: its depth in beats, a beat's width in bits, and its resources (in the total). */
    public record Fifo(String instance, String node, long depth, long widthBits, Resources use) {
    }

    /** One layer's row. */
    public record Layer(String instance, String node, String kind, int pe, int simd, long cycles, Resources use) {
    }

    /** The model's inputs and outputs at the top module's ports. */
    public record Interface(List<StreamInterface> inputs, List<StreamInterface> outputs) {
        public Interface {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * The build folder: the top module's file, the testbench and its module, the primitive
     * sources and memory files (all under {@code rtl/}), and the folder a simulation runs in.
     */
    public record Files(String topFile, String testbench, String testbenchTop, List<String> sources,
                        List<String> memoryFiles, String runDirectory) {
        public Files {
            sources = List.copyOf(sources);
            memoryFiles = List.copyOf(memoryFiles);
        }
    }
}
