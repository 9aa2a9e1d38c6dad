package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.type.Dim;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementwiseInferTest {
    @Test
    void symbolicDimsSurviveBroadcastWhereCertain() {
        List<Dim> a = List.of(Dim.symbol("N"), Dim.of(1), Dim.of(4));
        List<Dim> b = List.of(Dim.of(3), Dim.of(1));
        assertEquals(List.of(Dim.symbol("N"), Dim.of(3), Dim.of(4)), ElementwiseInfer.broadcast(a, b));
        assertEquals(List.of(Dim.of(5)), ElementwiseInfer.broadcast(List.of(Dim.symbol("N")), List.of(Dim.of(5))));
        assertEquals(List.of(Dim.symbol("")), ElementwiseInfer.broadcast(List.of(Dim.symbol("N")), List.of(Dim.symbol("M"))));
        assertEquals(List.of(Dim.symbol("N")), ElementwiseInfer.broadcast(List.of(Dim.symbol("N")), List.of(Dim.symbol("N"))));
    }

    @Test
    void clashingKnownDimsGiveNoType() {
        assertNull(ElementwiseInfer.broadcast(List.of(Dim.of(2)), List.of(Dim.of(3))));
    }
}
