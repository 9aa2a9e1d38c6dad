package dev.nnc.passes.graph;

import static dev.nnc.passes.graph.PassTesting.assertSameOutputs;
import static dev.nnc.passes.graph.PassTesting.count;
import static dev.nnc.passes.graph.PassTesting.first;
import static dev.nnc.passes.graph.PassTesting.module;
import static dev.nnc.passes.graph.PassTesting.run;
import static dev.nnc.passes.graph.PassTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.PassRegistry;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FusePassTest {
    private static final String W = "    %w = \"onnx.Constant\"() <{value = dense<" + values(18, 5, -0.5)
            + "> : tensor<2x1x3x3xf32>}> : () -> tensor<2x1x3x3xf32>\n";
    private static final String BIAS = "    %d = \"onnx.Constant\"() <{value = dense<[0.5, -0.25]> : tensor<2x1x1xf32>}> : () -> tensor<2x1x1xf32>\n";

    private static String convAddAct(String act) {
        return W + BIAS
                + "    %c = \"onnx.Conv\"(%x, %w) <{pads = [1, 1, 1, 1]}> : (tensor<1x1x5x5xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x5x5xf32>\n"
                + "    %a = \"onnx.Add\"(%c, %d) : (tensor<1x2x5x5xf32>, tensor<2x1x1xf32>) -> tensor<1x2x5x5xf32>\n"
                + act;
    }

    private static String activation(String name) {
        String extra = switch (name) {
            case "LeakyRelu" -> " <{alpha = 0.2}>";
            case "HardSigmoid" -> " <{alpha = 0.3, beta = 0.4}>";
            default -> "";
        };
        if (name.equals("Clip")) {
            return "    %lo = \"onnx.Constant\"() <{value = dense<[-0.5]> : tensor<f32>}> : () -> tensor<f32>\n"
                    + "    %hi = \"onnx.Constant\"() <{value = dense<[0.75]> : tensor<f32>}> : () -> tensor<f32>\n"
                    + "    %y = \"onnx.Clip\"(%a, %lo, %hi) : (tensor<1x2x5x5xf32>, tensor<f32>, tensor<f32>) -> tensor<1x2x5x5xf32>\n";
        }
        return "    %y = \"onnx." + name + "\"(%a)" + extra + " : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh"})
    void convBiasAndActivationBecomeOneFusedConv(String act) {
        String body = convAddAct(activation(act));
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>");
        PassContext ctx = new PassContext();
        FusePass.INFO.create().run(m, ctx);
        run(m, DcePass.INFO.create());
        assertEquals(1L, ctx.statistics().get("fuse-bias-add"));
        assertEquals(1L, ctx.statistics().get("fuse-activation"));
        Operation f = first(m, "onnx.FusedConv");
        assertEquals(act, ((Attribute.StringAttr) f.property("activation")).value());
        assertEquals(3, f.numOperands());
        assertEquals(4, m.mainFunction().body().operations().size(), "w, bias', FusedConv, return");
        assertSameOutputs(module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>"), m);
    }

    @Test
    void activationsOptionLimitsWhatIsFused() {
        String body = convAddAct(activation("Tanh"));
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>");
        run(m, new FusePass(new FusePass.Options(List.of("relu", "clip"))));
        assertEquals(0, count(m, "onnx.FusedConv"));
        assertEquals(1, count(m, "onnx.Conv"), "the bias still fuses");
        assertEquals(1, count(m, "onnx.Tanh"));
        assertThrows(IllegalArgumentException.class, () -> new FusePass(new FusePass.Options(List.of("gelu"))));
    }

    @Test
    void isNotFusedWhenTheConvOutputHasASecondUser() {
        String body = convAddAct(activation("Relu"));
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>, %a: tensor<1x2x5x5xf32>");
        run(m, FusePass.INFO.create());
        assertEquals(0, count(m, "onnx.FusedConv"));
        assertEquals(1, count(m, "onnx.Relu"));
        assertEquals(1, count(m, "onnx.Conv"));
    }

    private static final String MATMUL = "    %w = \"onnx.Constant\"() <{value = dense<" + values(6, 6, -0.5) + "> : tensor<3x2xf32>}> : () -> tensor<3x2xf32>\n"
            + "    %d = \"onnx.Constant\"() <{value = dense<[0.5, -0.25]> : tensor<2xf32>}> : () -> tensor<2xf32>\n"
            + "    %g = \"onnx.MatMul\"(%x, %w) : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>\n"
            + "    %a = \"onnx.Add\"(%d, %g) : (tensor<2xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>\n"
            + "    %y = \"onnx.Relu\"(%a) : (tensor<4x2xf32>) -> tensor<4x2xf32>\n";

    @Test
    void matMulAddReluBecomesFusedGemm() {
        ModuleOp m = module("%x: tensor<4x3xf32>", MATMUL, "%y: tensor<4x2xf32>");
        run(m, FusePass.INFO.create(), DcePass.INFO.create());
        assertEquals(1, count(m, "onnx.FusedGemm"));
        assertEquals(0, count(m, "onnx.MatMul") + count(m, "onnx.Add") + count(m, "onnx.Relu"));
        assertSameOutputs(module("%x: tensor<4x3xf32>", MATMUL, "%y: tensor<4x2xf32>"), m);
    }

    @Test
    void batchedMatMulAddIsNotTurnedIntoGemm() {
        String body = MATMUL.replace("tensor<4x3xf32>", "tensor<2x4x3xf32>").replace("tensor<4x2xf32>", "tensor<2x4x2xf32>");
        ModuleOp m = module("%x: tensor<2x4x3xf32>", body, "%y: tensor<2x4x2xf32>");
        run(m, FusePass.INFO.create());
        assertEquals(1, count(m, "onnx.MatMul"));
        assertEquals(0, count(m, "onnx.Gemm") + count(m, "onnx.FusedGemm"));
    }

    private static String padConv(String mode, String pads) {
        return W + "    %p = \"onnx.Constant\"() <{value = dense<" + pads + "> : tensor<8xi64>}> : () -> tensor<8xi64>\n"
                + "    %q = \"onnx.Pad\"(%x, %p) <{mode = \"" + mode + "\"}> : (tensor<1x1x5x5xf32>, tensor<8xi64>) -> tensor<1x1x7x8xf32>\n"
                + "    %y = \"onnx.Conv\"(%q, %w) <{pads = [1, 0, 0, 0]}> : (tensor<1x1x7x8xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x6x6xf32>\n";
    }

    @Test
    void padFoldsIntoTheConvsPads() {
        String body = padConv("constant", "[0, 0, 1, 2, 0, 0, 1, 1]");
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x6x6xf32>");
        run(m, FusePass.INFO.create(), DcePass.INFO.create());
        assertEquals(0, count(m, "onnx.Pad"));
        Operation conv = first(m, "onnx.Conv");
        assertArrayEquals(new long[] {2, 2, 1, 1}, new OpAttributes(conv, DialectRegistry.standard().lookup("onnx.Conv").get()).getInts("pads", null));
        assertSameOutputs(module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x6x6xf32>"), m);
    }

    @Test
    void reflectPadIsNotFolded() {
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", padConv("reflect", "[0, 0, 1, 2, 0, 0, 1, 1]"), "%y: tensor<1x2x6x6xf32>");
        run(m, FusePass.INFO.create());
        assertEquals(1, count(m, "onnx.Pad"));
    }

    @Test
    void fusedOpsPrintAndParseBackIncludingUnboundedClip() {
        String body = convAddAct("    %y = \"onnx.Clip\"(%a) : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>\n");
        ModuleOp m = module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>");
        run(m, FusePass.INFO.create(), DcePass.INFO.create());
        ModuleOp back = IrParser.parse(PassTesting.print(m), "printed.nir");
        assertNull(StructuralEquality.describeDifference(m.op(), back.op()));
        assertSameOutputs(module("%x: tensor<1x1x5x5xf32>", body, "%y: tensor<1x2x5x5xf32>"), back);
    }

    @Test
    void theVerifierRejectsAnUnknownFusedActivation() {
        ModuleOp m = module("%x: tensor<4x3xf32>, %w: tensor<3x2xf32>",
                "    %y = \"onnx.FusedGemm\"(%x, %w) <{activation = \"Gelu\"}> : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>\n",
                "%y: tensor<4x2xf32>");
        assertThrows(NncException.class, () -> Verifier.verifyOrThrow(m.op(), DialectRegistry.standard()));
    }

    @Test
    void theActivationsOptionIsWrittenInPipelineText() {
        Pipeline p = Pipeline.parse("fuse{activations=relu,clip},dce", PassRegistry.standard());
        assertEquals("fuse{activations=relu,clip},dce", p.toString());
        assertEquals(new FusePass.Options(List.of("relu", "clip")), p.get(0).options());
        assertEquals("fuse,dce", Pipeline.parse("fuse,dce", PassRegistry.standard()).toString());
    }
}
