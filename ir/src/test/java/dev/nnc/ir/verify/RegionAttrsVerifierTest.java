package dev.nnc.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.RegionAttrs;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optional graph attributes (FlexAttention's score_mod, mask_mod, prob_mod): regions named by region_attrs. */
class RegionAttrsVerifierTest {
    private static final TensorType T = TensorType.of(FloatType.F32, 1, 1, 2, 2);

    /** main(q, k, v) = FlexAttention with one identity region per given name ({@code null} names: no property). */
    private static ModuleOp flex(List<String> names, int regions) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(26);
        FuncOp f = FuncOp.create(m, "main");
        List<Value> in = List.of(f.addInput("q", T), f.addInput("k", T), f.addInput("v", T));
        Map<String, Attribute> props = names == null ? Map.of() : Map.of(RegionAttrs.PROPERTY,
                new Attribute.ArrayAttr(names.stream().map(n -> (Attribute) new Attribute.StringAttr(n)).toList()));
        Operation op = f.body().append(Operation.create("onnx.preview.FlexAttention", in, List.of(T), props, Location.named("fa")));
        for (int i = 0; i < regions; i++) {
            Block b = op.addRegion().addBlock();
            Value s = b.addArgument(T, "s");
            b.append(Operation.create(BuiltinDialect.RETURN, List.of(s), List.of(), Map.of(), Location.UNKNOWN));
        }
        f.setOutputs(op.results(), List.of("y"));
        return m;
    }

    private static List<Diagnostic> verify(ModuleOp m) {
        return Verifier.verify(m.op(), DialectRegistry.standard());
    }

    @Test
    void namedRegionsAreAccepted() {
        assertEquals(List.of(), verify(flex(List.of("prob_mod"), 1)));
        assertEquals(List.of(), verify(flex(List.of("prob_mod", "score_mod"), 2)));
        assertEquals(List.of(), verify(flex(null, 0)), "no regions needs no names");
        assertEquals(List.of(), verify(flex(null, 3)), "all graph attributes: spec order");
        Operation op = flex(List.of("prob_mod", "score_mod"), 2).mainFunction().body().operations().get(0);
        assertEquals(1, RegionAttrs.index(op, DialectRegistry.standard().lookup(op.name()).orElseThrow(), "score_mod"));
    }

    @Test
    void badNamesAreReported() {
        assertMessage(flex(null, 1), "must name its regions");
        assertMessage(flex(List.of("prob_mod", "x"), 2), "region 1 is for 'x', which is not a graph attribute of the op");
        assertMessage(flex(List.of("prob_mod", "prob_mod"), 2), "graph attribute 'prob_mod' has two regions");
        assertMessage(flex(List.of("prob_mod"), 2), "names 1 regions, but it has 2");
    }

    private static void assertMessage(ModuleOp m, String part) {
        List<Diagnostic> ds = verify(m);
        assertTrue(ds.stream().anyMatch(d -> d.message().contains(part)), ds.toString());
    }
}
