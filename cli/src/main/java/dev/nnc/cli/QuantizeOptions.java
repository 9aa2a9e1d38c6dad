package dev.nnc.cli;

import dev.nnc.cli.quant.Progress;
import dev.nnc.cli.quant.Samples;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.passes.quant.Calibration;
import dev.nnc.passes.quant.LayerSettings;
import dev.nnc.passes.quant.QuantConfig;
import dev.nnc.passes.quant.QuantizePass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a float model is quantized, shared by {@code nnc quantize} and {@code nnc compile --target
 * fpga|asic} (a picocli mixin): calibration inputs, the fixed-point types, the cast modes.
 */
public final class QuantizeOptions {
    @Option(names = "--calib", paramLabel = "SOURCE",
            description = "Calibration inputs: FILE.npz (arrays named by input, optionally stacked), a folder of .npy/.pb "
                    + "tensors, or an IDX image file, optionally with :N for its first N images. Without it: random inputs (not advised).")
    String calib;

    @Option(names = "--calib-random", paramLabel = "N", defaultValue = "100",
            description = "Without --calib: how many N(0,1) inputs to calibrate on (default ${DEFAULT-VALUE}).")
    int calibRandom = 100;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the random inputs (random calibration inputs use a stream derived from it; default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--type", paramLabel = "TYPE", description = "One fixed type for every activation, e.g. fixed<16,6> (the default).")
    String type;

    @Option(names = "--bits", paramLabel = "N", description = "Activation width; integer bits chosen from the observed ranges.")
    Integer bits;

    @Option(names = "--weight-bits", paramLabel = "N", description = "Weight width (default: the activation width).")
    int weightBits;

    @Option(names = "--per-channel", description = "Integer weights with one scale per output channel (q.requantize).")
    boolean perChannel;

    @Option(names = "--rounding", paramLabel = "MODE", defaultValue = "RND_CONV",
            description = "Rounding of the layer output casts: RND_CONV (default) or TRN (hls4ml's); the RTL has no others.")
    String rounding = "RND_CONV";

    @Option(names = "--overflow", paramLabel = "MODE", defaultValue = "SAT",
            description = "Overflow of the layer output casts: SAT (default) or WRAP (hls4ml's).")
    String overflow = "SAT";

    @Option(names = "--config", paramLabel = "FILE", description = "JSON per-layer overrides: {\"layers\": {\"NODE\": {\"bits\": 8, ...}}}.")
    Path config;

    /** The quantize pass's options; a bad combination or config file is one line before any work. */
    QuantizePass.Options passOptions() {
        if (type != null && bits != null) {
            throw new NncException("give --type or --bits, not both");
        }
        QuantizePass.Options o = new QuantizePass.Options(type == null ? "" : type, bits == null ? 0 : bits, perChannel,
                weightBits, rounding, overflow, config == null ? "" : config.toString());
        LayerSettings defaults = QuantizePass.settings(o);
        if (config != null) {
            QuantConfig.read(config, defaults);
        }
        return o;
    }

    /**
     * Runs the float {@code module} on the calibration inputs and records every value's range in
     * it; returns those inputs (nnc quantize measures its per-layer table on them).
     */
    List<Map<String, Tensor>> calibrate(ModuleOp module, PrintWriter err) {
        List<Map<String, Tensor>> samples;
        if (calib != null) {
            samples = Samples.load(calib, module.mainFunction());
        } else {
            err.println("nnc: WARNING: no --calib given: calibrating on " + calibRandom + " random N(0,1) inputs."
                    + " The ranges (and so the chosen types) will not match real data; give --calib with real inputs.");
            // the stream nnc quantize calibrates on, so both commands choose the same types
            samples = Samples.random(module.mainFunction(), calibRandom, ~seed);
        }
        Calibration calibration = new Calibration();
        Progress progress = new Progress(err, "calibrating");
        for (int i = 0; i < samples.size(); i++) {
            calibration.observe(module, samples.get(i));
            progress.step(i + 1, samples.size());
        }
        calibration.annotate(module);
        return samples;
    }
}
