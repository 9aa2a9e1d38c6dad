package dev.nnc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @TestFactory
    Stream<DynamicTest> kernelLevelEqualsQLevel() {
        return HardwareModels.tests(m -> true, KernelModelsTest::check);
    }

    private static void check(HardwareModels.Model m) throws IOException {
        Path dir = TestData.require("models/" + m.name());
        Path q = tmp.resolve(m.name() + ".q.nir");
        List<String> args = new ArrayList<>(List.of("quantize", dir.resolve("model.onnx").toString(), "-o", q.toString()));
        args.addAll(m.quantize());
        HardwareModels.nnc(args);
        String text = Files.readString(q);
        ModuleOp qLevel = IrParser.parse(text, q.toString());
        ModuleOp kernel = IrParser.parse(text, q.toString());
        new LowerKernelPass(new LowerKernelPass.Options()).run(kernel, new PassContext());
        Verifier.verifyOrThrow(kernel.op(), DialectRegistry.standard());
        new FoldPass(FoldPass.INFO.defaults()).run(kernel, new PassContext());
        Verifier.verifyOrThrow(kernel.op(), DialectRegistry.standard());
        DesignEstimate e = FoldEstimator.estimate(kernel, Device.named("xc7z020"));
        System.out.println(m.name() + " on xc7z020:\n" + e.table());
        assertTrue(e.fits(0.8), e.table());
        String input = qLevel.mainFunction().inputNames().get(0);
        for (Path set : ModelFiles.dataSets(dir)) {
            Tensor x = TensorFiles.readTensorProto(set.resolve("input_0.pb"));
            Map<String, Tensor> in = Map.of(input, x);
            assertEquals(new Interpreter().run(qLevel, in), new Interpreter().run(kernel, in), set.toString());
        }
    }
}
