package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeVerifiersTest {
    private static KernelRun on2x3(String op) {
        return KernelRun.of(op).in(KernelRun.iota(2, 3));
    }

    @Test
    void acceptsValidAttributes() {
        assertEquals(List.of(), on2x3("Transpose").ints("perm", 1, 0).verify());
        assertEquals(List.of(), on2x3("Gather").in(KernelRun.i64(0)).attr("axis", -2).verify());
    }

    @Test
    void rejectsBadPermutationAxisAndMode() {
        assertTrue(on2x3("Transpose").ints("perm", 0, 0).verify().toString().contains("not a permutation"));
        assertTrue(on2x3("Gather").in(KernelRun.i64(0)).attr("axis", 2).verify().toString().contains("out of range for rank 2"));
        assertTrue(on2x3("Pad").in(KernelRun.i64(0, 0, 0, 0)).attr("mode", "mirror").verify().toString()
                .contains("expected one of constant, reflect, edge, wrap"));
    }
}
