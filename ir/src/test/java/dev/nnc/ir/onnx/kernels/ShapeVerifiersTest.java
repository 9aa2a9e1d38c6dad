package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeVerifiersTest {
    private static List<Diagnostic> verifyOne(String op, Map<String, Attribute> attrs) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(19);
        FuncOp f = FuncOp.create(m, "main");
        TensorType t = TensorType.of(FloatType.F32, 2, 3);
        Value x = f.addInput("x", t);
        Operation node = f.body().append(Operation.create("onnx." + op, List.of(x), List.of(t), attrs, Location.named("n0")));
        f.setOutputs(List.of(node.result(0)), List.of("y"));
        return Verifier.verify(m, DialectRegistry.standard());
    }

    @Test
    void acceptsValidAttributes() {
        assertEquals(List.of(), verifyOne("Transpose", Map.of("perm", Attribute.ints(1, 0))));
        assertEquals(List.of(), verifyOne("DepthToSpace", Map.of("blocksize", Attribute.of(1), "mode", Attribute.of("CRD"))));
    }

    @Test
    void rejectsBadPermutationAxisAndMode() {
        assertTrue(verifyOne("Transpose", Map.of("perm", Attribute.ints(0, 0))).toString().contains("not a permutation"));
        assertTrue(verifyOne("Flatten", Map.of()).isEmpty());
        assertTrue(verifyOne("Split", Map.of("axis", Attribute.of(2))).toString().contains("out of range for rank 2"));
        assertTrue(verifyOne("DepthToSpace", Map.of("blocksize", Attribute.of(1), "mode", Attribute.of("XYZ")))
                .toString().contains("expected one of DCR, CRD"));
    }
}
