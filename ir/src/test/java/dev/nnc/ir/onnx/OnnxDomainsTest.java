package dev.nnc.ir.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.spec.DialectRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxDomainsTest {
    @Test
    void domainsMapToOpNamesAndBack() {
        assertEquals("onnx.Conv", OnnxDomains.opName("", "Conv"));
        assertEquals("onnx.Conv", OnnxDomains.opName("ai.onnx", "Conv"));
        assertEquals("onnx.ml.LabelEncoder", OnnxDomains.opName("ai.onnx.ml", "LabelEncoder"));
        assertEquals("onnx.preview.training.Adam", OnnxDomains.opName("ai.onnx.preview.training", "Adam"));
        assertEquals("onnx.Quant", OnnxDomains.opName("qonnx.custom_op.general", "Quant"));
        assertEquals("ai.onnx.preview.training", OnnxDomains.domainOf("onnx.preview.training.Adam"));
        assertEquals("", OnnxDomains.domainOf("onnx.Conv"));
        assertEquals("Adam", OnnxDomains.opType("onnx.preview.training.Adam"));
        assertTrue(OnnxDomains.mapped("ai.onnx.ml"));
        assertFalse(OnnxDomains.mapped("com.microsoft"));
    }

    @Test
    void everyTableOpIsNamedByItsDomain() {
        // ops outside the default domain stay in the onnx dialect, so the registry finds them by full name
        assertTrue(DialectRegistry.standard().lookup("onnx.ml.TreeEnsemble").isPresent());
        assertTrue(DialectRegistry.standard().lookup("onnx.preview.FlexAttention").isPresent());
        for (String op : DialectRegistry.standard().dialects().get("onnx").ops().keySet()) {
            String domain = OnnxDomains.domainOf(op);
            assertEquals(op, OnnxDomains.opName(domain, OnnxDomains.opType(op)), op);
        }
    }

    @Test
    void eachOpSeesTheOpsetOfItsDomain() {
        Opsets o = new Opsets(21, Map.of("ai.onnx.ml", 4));
        assertEquals(21, o.forOp("onnx.Conv"));
        assertEquals(4, o.forOp("onnx.ml.LabelEncoder"));
        assertEquals(1, o.forOp("onnx.preview.FlexAttention"), "a domain not imported counts as version 1");

        ModuleOp m = ModuleOp.create();
        m.setOpsets(o);
        assertEquals(o, m.opsets());
        m.setOpsets(Opsets.of(13));
        assertEquals(Opsets.of(13), m.opsets());
        assertFalse(m.op().properties().containsKey(ModuleOp.OPSET_IMPORTS));
    }
}
