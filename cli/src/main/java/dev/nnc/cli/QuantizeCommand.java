package dev.nnc.cli;

import dev.nnc.cli.io.Idx;
import dev.nnc.cli.quant.LayerReport;
import dev.nnc.cli.quant.Predictions;
import dev.nnc.cli.quant.Progress;
import dev.nnc.cli.quant.Samples;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.passes.PassManager;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import dev.nnc.passes.pipeline.PipelineEntry;
import dev.nnc.passes.quant.Calibration;
import dev.nnc.passes.quant.QuantizePass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnc quantize}: cleans up a float model (-O1-style passes, activations left unfused),
 * calibrates it on real or random inputs, runs the {@code quantize} pass and prints per-layer
 * accuracy; optionally measures top-1 accuracy on a labelled IDX slice or agreement on noise.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Quantize a float model to fixed point (post-training) and report its accuracy.",
            "Prints, per layer, the observed range, the chosen type, the SQNR and the largest error against float "
                    + "over the calibration inputs, and the top-1 agreement with float."})
final class QuantizeCommand implements Callable<Integer> {
    /** The clean-ups before calibration: shapes, constants, BatchNorm folded; activations stay separate ops. */
    static final String PREPARE = "shape-inference,canonicalize,fold-constants,shape-inference,fold-batchnorm,canonicalize,dce";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--calib", paramLabel = "SOURCE",
            description = "Calibration inputs: FILE.npz (arrays named by input, optionally stacked), a folder of .npy/.pb "
                    + "tensors, or an IDX image file, optionally with :N for its first N images. Without it: random inputs (not advised).")
    private String calib;

    @Option(names = "--calib-random", paramLabel = "N", defaultValue = "100",
            description = "Without --calib: how many N(0,1) inputs to calibrate on (default ${DEFAULT-VALUE}).")
    private int calibRandom;

    @Option(names = "--type", paramLabel = "TYPE", description = "One fixed type for every activation, e.g. fixed<16,6> (the default).")
    private String type;

    @Option(names = "--bits", paramLabel = "N", description = "Activation width; integer bits chosen from the observed ranges.")
    private Integer bits;

    @Option(names = "--weight-bits", paramLabel = "N", description = "Weight width (default: the activation width).")
    private int weightBits;

    @Option(names = "--per-channel", description = "Integer weights with one scale per output channel (q.requantize).")
    private boolean perChannel;

    @Option(names = "--rounding", paramLabel = "MODE", defaultValue = "RND_CONV",
            description = "Rounding of the layer output casts (default ${DEFAULT-VALUE}; TRN is hls4ml's).")
    private String rounding;

    @Option(names = "--overflow", paramLabel = "MODE", defaultValue = "SAT",
            description = "Overflow of the layer output casts (default ${DEFAULT-VALUE}; WRAP is hls4ml's).")
    private String overflow;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON per-layer overrides: {\"layers\": {\"NODE\": {\"bits\": 8, ...}}}.")
    private Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the quantized IR (.nir) to FILE.")
    private Path output;

    @Option(names = "--eval", paramLabel = "IMAGES", description = "Measure top-1 accuracy on an IDX image file (with --eval-labels).")
    private Path evalImages;

    @Option(names = "--eval-labels", paramLabel = "LABELS", description = "The IDX label file for --eval.")
    private Path evalLabels;

    @Option(names = "--eval-range", paramLabel = "FROM:TO", defaultValue = "0:10000",
            description = "Which images --eval uses, [FROM, TO) (default ${DEFAULT-VALUE}).")
    private String evalRange;

    @Option(names = "--eval-random", paramLabel = "N", description = "Measure float/fixed top-1 agreement on N random N(0,1) inputs.")
    private Integer evalRandom;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the --eval-random inputs; random calibration inputs use another stream (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuantizePass.Options options = options();
        // bad --type, --rounding or config file: one line before any work
        dev.nnc.passes.quant.LayerSettings defaults = QuantizePass.settings(options);
        if (config != null) {
            dev.nnc.passes.quant.QuantConfig.read(config, defaults);
        }
        if ((evalImages == null) != (evalLabels == null)) {
            throw new NncException("--eval and --eval-labels go together");
        }
        ModuleOp module = modelOptions.load();
        PassRegistry registry = PassRegistry.standard();
        PassManager pm = new PassManager().verifyEach(true);
        pm.run(Pipeline.parse(PREPARE, registry), module);
        List<Map<String, Tensor>> samples;
        if (calib != null) {
            samples = Samples.load(calib, module.mainFunction());
        } else {
            err.println("nnc: WARNING: no --calib given: calibrating on " + calibRandom + " random N(0,1) inputs."
                    + " The ranges (and so the chosen types) will not match real data; give --calib with real inputs.");
            samples = Samples.random(module.mainFunction(), calibRandom, ~seed); // not the --eval-random inputs
        }
        Calibration calibration = new Calibration();
        Progress progress = new Progress(err, "calibrating");
        for (int i = 0; i < samples.size(); i++) {
            calibration.observe(module, samples.get(i));
            progress.step(i + 1, samples.size());
        }
        calibration.annotate(module);
        ModuleOp floatModel = IrParser.parse(IrPrinter.print(module), "float.nir");
        pm.run(new Pipeline(List.of(new PipelineEntry(QuantizePass.INFO, options))), module);
        String fixedText = IrPrinter.print(module);
        ModuleOp fixedModel = IrParser.parse(fixedText, "quantized.nir");
        LayerReport report = LayerReport.measure(floatModel, fixedModel, samples, new Progress(err, "measuring layers"));
        out.print(report.format());
        out.printf(Locale.ROOT, "top-1 agreement with float on the %d calibration inputs: %.2f%%%n", report.samples(),
                100 * report.agreement());
        if (evalImages != null) {
            evaluate(floatModel, fixedModel, out, err);
        }
        if (evalRandom != null) {
            List<Map<String, Tensor>> noise = Samples.random(floatModel.mainFunction(), evalRandom, seed);
            int[] f = Predictions.top1(floatModel, noise, new Progress(err, "float model"));
            int[] q = Predictions.top1(fixedModel, noise, new Progress(err, "fixed model"));
            out.printf(Locale.ROOT, "top-1 agreement fixed vs float on %d random N(0,1) inputs (seed %d): %.2f%%%n",
                    noise.size(), seed, 100 * Predictions.agreement(f, q));
        }
        if (output != null) {
            FileAccess.writeAtomically(output, fixedText);
        }
        return 0;
    }

    private QuantizePass.Options options() {
        if (type != null && bits != null) {
            throw new NncException("give --type or --bits, not both");
        }
        return new QuantizePass.Options(type == null ? "" : type, bits == null ? 0 : bits, perChannel, weightBits,
                rounding, overflow, config == null ? "" : config.toString());
    }

    private void evaluate(ModuleOp floatModel, ModuleOp fixedModel, PrintWriter out, PrintWriter err) {
        String[] r = evalRange.split(":", -1);
        int from;
        int to;
        try {
            from = Integer.parseInt(r[0].strip());
            to = Integer.parseInt(r[1].strip());
        } catch (RuntimeException e) {
            throw new NncException("--eval-range " + evalRange + ": write FROM:TO, e.g. 8000:10000");
        }
        Idx.Images images = Idx.images(evalImages);
        int[] labels = Idx.labels(evalLabels);
        if (labels.length != images.count()) {
            throw new NncException(evalLabels + ": " + labels.length + " labels for " + images.count() + " images");
        }
        List<Map<String, Tensor>> set = Samples.idx(images, from, to, floatModel.mainFunction());
        if (set.isEmpty()) {
            throw new NncException("--eval-range " + evalRange + ": no images there (the file has " + images.count() + ")");
        }
        int[] f = Predictions.top1(floatModel, set, new Progress(err, "float model"));
        int[] q = Predictions.top1(fixedModel, set, new Progress(err, "fixed model"));
        int[] truth = java.util.Arrays.copyOfRange(labels, Math.max(0, from), Math.max(0, from) + set.size());
        out.printf(Locale.ROOT, "images %d..%d (%d): float top-1 %.2f%%, fixed top-1 %.2f%%, agreement %.2f%%%n",
                Math.max(0, from), Math.max(0, from) + set.size(), set.size(), 100 * Predictions.agreement(f, truth),
                100 * Predictions.agreement(q, truth), 100 * Predictions.agreement(f, q));
    }
}
