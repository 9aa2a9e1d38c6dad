package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Main;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.kernel.DesignEstimate;
import dev.nnc.passes.kernel.Device;
import dev.nnc.passes.kernel.FoldEstimator;
import dev.nnc.passes.kernel.FoldPass;
import dev.nnc.passes.kernel.LowerKernelPass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real models through {@code nnc quantize}, lower-kernel and fold (xc7z020): the kernel-level
 * interpreter gives the q-level raws bit for bit on every reference input, and the folded design
 * fits the device. Prints the estimate table of each model.
 */
class KernelModelsTest {
    @TempDir
    static Path tmp;

    /** Model folder and the quantize arguments that give its hardware form. */
    private static final List<String[]> MODELS = List.of(
            new String[] {"jet_tagger", "--type=fixed<16,6>"},
            new String[] {"mnist8", "--bits=8", "--per-channel", "CALIB"},
            new String[] {"conv2d_small", "--bits=8"},
            new String[] {"residual_block", "--bits=8", "--calib-random=4"});

    @TestFactory
    Stream<DynamicTest> kernelLevelEqualsQLevel() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] m : MODELS) {
            tests.add(DynamicTest.dynamicTest(m[0], () -> check(m)));
        }
        return tests.stream();
    }

    private static void check(String[] m) throws IOException {
        Path dir = TestData.require("models/" + m[0]);
        Path q = tmp.resolve(m[0] + ".q.nir");
        List<String> args = new ArrayList<>(List.of("quantize", dir.resolve("model.onnx").toString(), "-o", q.toString()));
        for (int i = 1; i < m.length; i++) {
            args.add(m[i].equals("CALIB") ? "--calib=" + TestData.require("datasets/mnist-10k/images-idx3-ubyte") + ":100" : m[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)), err.toString());
        String text = Files.readString(q);
        ModuleOp qLevel = IrParser.parse(text, q.toString());
        ModuleOp kernel = IrParser.parse(text, q.toString());
        new LowerKernelPass(new LowerKernelPass.Options()).run(kernel, new PassContext());
        Verifier.verifyOrThrow(kernel.op(), DialectRegistry.standard());
        new FoldPass(FoldPass.INFO.defaults()).run(kernel, new PassContext());
        Verifier.verifyOrThrow(kernel.op(), DialectRegistry.standard());
        DesignEstimate e = FoldEstimator.estimate(kernel, Device.named("xc7z020"));
        System.out.println(m[0] + " on xc7z020:\n" + e.table());
        assertTrue(e.fits(0.8), e.table());
        String input = qLevel.mainFunction().inputNames().get(0);
        for (Path set : ModelFiles.dataSets(dir)) {
            Tensor x = TensorFiles.readTensorProto(set.resolve("input_0.pb"));
            Map<String, Tensor> in = Map.of(input, x);
            assertEquals(new Interpreter().run(qLevel, in), new Interpreter().run(kernel, in), set.toString());
        }
    }
}
