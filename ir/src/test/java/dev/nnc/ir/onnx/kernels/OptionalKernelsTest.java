package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.OptionalValue;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionalKernelsTest {
    private static final TensorType F32_ANY = TensorType.unranked(FloatType.F32);

    @Test
    void optionalWrapsItsInput() {
        Tensor x = range(2);
        RuntimeValue v = KernelRun.of("Optional").in(x).runValues().get(0);
        assertEquals(OptionalValue.of(x), v);
        assertEquals(List.of(new OptionalType(TensorType.of(FloatType.F32, 2))), KernelRun.of("Optional").in(x).infer());
    }

    @Test
    void optionalWithoutInputIsEmptyOfItsType() {
        SequenceType st = new SequenceType(F32_ANY);
        OptionalValue v = (OptionalValue) KernelRun.of("Optional").attr("type", new Attribute.TypeAttr(st)).runValues().get(0);
        assertFalse(v.isPresent());
        assertEquals(st, v.elementType());
        assertEquals(new OptionalType(st), v.valueType());
    }

    @Test
    void hasElement() {
        assertLongs(KernelRun.of("OptionalHasElement").value(OptionalValue.of(range(2))).run1(), shape(), 1);
        assertLongs(KernelRun.of("OptionalHasElement").value(OptionalValue.empty(F32_ANY)).run1(), shape(), 0);
        assertLongs(KernelRun.of("OptionalHasElement").in(range(2)).opset(18).run1(), shape(), 1);
        assertLongs(KernelRun.of("OptionalHasElement").in(null).opset(18).run1(), shape(), 0);
        assertLongs(KernelRun.of("OptionalHasElement").opset(18).run1(), shape(), 0);
    }

    @Test
    void getElementUnwrapsAndPassesPlainValues() {
        Tensor x = range(3);
        assertTensor(KernelRun.of("OptionalGetElement").value(OptionalValue.of(x)).run1(), shape(3), 0, 1, 2);
        TensorSequence s = new TensorSequence(FloatType.F32, List.of(x));
        assertEquals(s, KernelRun.of("OptionalGetElement").value(OptionalValue.of(s)).runValues().get(0));
        assertSame(s, KernelRun.of("OptionalGetElement").value(s).opset(18).runValues().get(0));
        NncException e = assertThrows(NncException.class,
                () -> KernelRun.of("OptionalGetElement").value(OptionalValue.empty(F32_ANY)).runValues());
        assertTrue(e.getMessage().contains("the optional is empty"), e.getMessage());
        assertEquals(List.of(new SequenceType(F32_ANY)),
                KernelRun.of("OptionalGetElement").value(OptionalValue.of(s)).infer());
    }

    @Test
    void identityPassesSequencesAndOptionals() {
        OptionalValue o = OptionalValue.empty(F32_ANY);
        assertSame(o, KernelRun.of("Identity").value(o).runValues().get(0));
    }

    @Test
    void tensorOnlyRunRejectsANonTensorOutput() {
        NncException e = assertThrows(NncException.class, () -> KernelRun.of("Optional").in(range(2)).run());
        assertTrue(e.getMessage().contains("output 'y0' is an optional; only tensor outputs are supported"), e.getMessage());
    }
}
