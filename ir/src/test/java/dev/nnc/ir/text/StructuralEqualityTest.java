package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The equality helper must notice each kind of change, not just accept round trips. */
class StructuralEqualityTest {
    private static String diffAfter(Consumer<ModuleOp> change) {
        ModuleOp a = IrSamples.mnistConv();
        ModuleOp b = IrSamples.mnistConv();
        change.accept(b);
        return StructuralEquality.describeDifference(a, b);
    }

    private static Operation conv(ModuleOp m) {
        return m.mainFunction().body().operations().get(2);
    }

    @Test
    void equalModulesAndIgnoredDetails() {
        assertNull(diffAfter(m -> { }));
        assertNull(diffAfter(m -> conv(m).setLocation(new Location("Convolution28", "x.nnc", 3, 4))));
        assertNull(diffAfter(m -> {
            Operation c = m.mainFunction().body().operations().get(0);
            Attribute.DenseAttr d = (Attribute.DenseAttr) c.property("value");
            c.setProperty("value", new Attribute.DenseAttr(d.value(), "renamed"));
        }));
        assertNull(diffAfter(m -> m.mainFunction().arguments().get(0).setNameHint("Input3")));
    }

    @Test
    void reportsEachKindOfDifference() {
        String path = "/builtin.module/region 0/block 0/op 0/func.func/region 0/block 0/op 2/onnx.Conv(Convolution28): ";
        assertEquals(path + "property 'group' 1 vs 2", diffAfter(m -> conv(m).setProperty("group", Attribute.of(2))));
        assertEquals(path + "property 'pads' (absent) vs [0, 0]", diffAfter(m -> conv(m).setProperty("pads", Attribute.ints(0, 0))));
        assertEquals(path + "attribute 'note' (absent) vs \"x\"", diffAfter(m -> conv(m).attributes().put("note", Attribute.of("x"))));
        assertEquals(path + "location name Convolution28 vs other", diffAfter(m -> conv(m).setLocation(Location.named("other"))));
        assertEquals(path + "result #0 name %c vs %d", diffAfter(m -> conv(m).result(0).setNameHint("d")));
        assertEquals(path + "result #0 type tensor<1x8x28x28xf32> vs tensor<1x8x28x28xf16>",
                diffAfter(m -> conv(m).result(0).setType(TensorType.of(FloatType.F16, 1, 8, 28, 28))));
        assertEquals(path + "operand #2 is %none vs %w", diffAfter(m -> conv(m).setOperand(2, conv(m).operand(1))));
    }

    @Test
    void reportsConstantAndStructureChanges() {
        String d = diffAfter(m -> {
            Operation c = m.mainFunction().body().operations().get(0);
            Tensor t = ((Attribute.DenseAttr) c.property("value")).value();
            double[] v = t.toDoubles();
            v[7] = -v[7];
            c.setProperty("value", new Attribute.DenseAttr(Tensor.ofDoubles(FloatType.F32, t.shape(), v)));
        });
        assertEquals(true, d != null && d.contains("op 0/onnx.Constant(Parameter5): property 'value' dense tensor<8x1x5x5xf32>"), d);
        String extra = diffAfter(m -> m.mainFunction().body().insertBefore(m.mainFunction().returnOp(),
                Operation.create("onnx.NoValue", List.of(), List.of(), Map.of(), Location.UNKNOWN)));
        assertEquals("/builtin.module/region 0/block 0/op 0/func.func/region 0/block 0/op 3/func.return: op name func.return vs onnx.NoValue",
                extra);
        String arg = diffAfter(m -> m.mainFunction().body().addArgument(TensorType.of(FloatType.F32), "more"));
        assertEquals(true, arg.contains("block 0: 1 vs 2 arguments"), arg);
        Value first = IrSamples.mnistConv().mainFunction().arguments().get(0);
        assertEquals(true, first.type() instanceof TensorType);
    }
}
