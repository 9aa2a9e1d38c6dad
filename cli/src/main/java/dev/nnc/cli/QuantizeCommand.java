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

    @Mixin
    private QuantizeOptions quantize;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuantizePass.Options options = quantize.passOptions();
        if ((evalImages == null) != (evalLabels == null)) {
            throw new NncException("--eval and --eval-labels go together");
        }
        ModuleOp module = modelOptions.load();
        PassRegistry registry = PassRegistry.standard();
        PassManager pm = new PassManager().verifyEach(true);
        pm.run(Pipeline.parse(PREPARE, registry), module);
        List<Map<String, Tensor>> samples = quantize.calibrate(module, err);
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
            List<Map<String, Tensor>> noise = Samples.random(floatModel.mainFunction(), evalRandom, quantize.seed);
            int[] f = Predictions.top1(floatModel, noise, new Progress(err, "float model"));
            int[] q = Predictions.top1(fixedModel, noise, new Progress(err, "fixed model"));
            out.printf(Locale.ROOT, "top-1 agreement fixed vs float on %d random N(0,1) inputs (seed %d): %.2f%%%n",
                    noise.size(), quantize.seed, 100 * Predictions.agreement(f, q));
        }
        if (output != null) {
            FileAccess.writeAtomically(output, fixedText);
        }
        return 0;
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
