package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceKernelsTest {
    private static TensorSequence seq(Tensor... items) {
        return new TensorSequence(items[0].elementType(), List.of(items));
    }

    private static Tensor scalar(long v) {
        return Tensor.scalar(IntegerType.I64, v);
    }

    private static TensorSequence seqResult(KernelRun r) {
        RuntimeValue v = r.runValues().get(0);
        assertTrue(v instanceof TensorSequence, String.valueOf(v));
        return (TensorSequence) v;
    }

    @Test
    void constructKeepsOrderAndShapes() {
        TensorSequence s = seqResult(KernelRun.of("SequenceConstruct").in(range(2)).in(range(1, 3)));
        assertEquals(2, s.size());
        assertTensor(s.get(0), shape(2), 0, 1);
        assertTensor(s.get(1), shape(1, 3), 0, 1, 2);
        assertEquals(List.of(new SequenceType(TensorType.unranked(FloatType.F32))),
                KernelRun.of("SequenceConstruct").in(range(2)).in(range(3)).infer());
        assertEquals(List.of(new SequenceType(TensorType.of(FloatType.F32, 2))),
                KernelRun.of("SequenceConstruct").in(range(2)).in(range(2)).infer());
    }

    @Test
    void constructRejectsMixedElementTypes() {
        NncException e = assertThrows(NncException.class,
                () -> KernelRun.of("SequenceConstruct").in(range(2)).in(i64(1, 2)).runValues());
        assertTrue(e.getMessage().contains("different element types"), e.getMessage());
    }

    @Test
    void emptyHasDtypeAndLengthZero() {
        TensorSequence s = seqResult(KernelRun.of("SequenceEmpty").attr("dtype", 7));
        assertEquals(0, s.size());
        assertEquals(IntegerType.I64, s.elementType());
        assertEquals(FloatType.F32, seqResult(KernelRun.of("SequenceEmpty")).elementType());
        NncException e = assertThrows(NncException.class, () -> KernelRun.of("SequenceEmpty").attr("dtype", 99).runValues());
        assertTrue(e.getMessage().contains("dtype 99 is not a tensor element type"), e.getMessage());
        assertLongs(KernelRun.of("SequenceLength").value(s).run1(), shape(), 0);
    }

    @Test
    void atCountsNegativePositionsFromTheBack() {
        TensorSequence s = seq(f32(shape(1), 1), f32(shape(1), 2), f32(shape(1), 3));
        assertTensor(KernelRun.of("SequenceAt").value(s).in(scalar(0)).run1(), shape(1), 1);
        assertTensor(KernelRun.of("SequenceAt").value(s).in(scalar(-1)).run1(), shape(1), 3);
        NncException e = assertThrows(NncException.class, () -> KernelRun.of("SequenceAt").value(s).in(scalar(3)).run());
        assertTrue(e.getMessage().contains("out of range [-3, 2]"), e.getMessage());
    }

    @Test
    void insertAppendsByDefaultAndAtPosition() {
        TensorSequence s = seq(f32(shape(1), 1), f32(shape(1), 2));
        TensorSequence back = seqResult(KernelRun.of("SequenceInsert").value(s).in(f32(shape(2), 9, 9)));
        assertEquals(3, back.size());
        assertTensor(back.get(2), shape(2), 9, 9);
        TensorSequence front = seqResult(KernelRun.of("SequenceInsert").value(s).in(f32(shape(1), 0)).in(scalar(-2)));
        assertTensor(front.get(0), shape(1), 0);
        TensorSequence end = seqResult(KernelRun.of("SequenceInsert").value(s).in(f32(shape(1), 5)).in(scalar(2)));
        assertTensor(end.get(2), shape(1), 5);
        assertEquals(2, s.size(), "the input sequence is not changed");
        assertThrows(NncException.class, () -> KernelRun.of("SequenceInsert").value(s).in(i64(1)).runValues());
    }

    @Test
    void eraseRemovesLastByDefault() {
        TensorSequence s = seq(f32(shape(1), 1), f32(shape(1), 2), f32(shape(1), 3));
        TensorSequence last = seqResult(KernelRun.of("SequenceErase").value(s));
        assertEquals(2, last.size());
        assertTensor(last.get(1), shape(1), 2);
        TensorSequence first = seqResult(KernelRun.of("SequenceErase").value(s).in(scalar(-3)));
        assertTensor(first.get(0), shape(1), 2);
        assertThrows(NncException.class,
                () -> KernelRun.of("SequenceErase").value(TensorSequence.empty(FloatType.F32)).runValues());
    }

    @Test
    void tensorWhereSequenceExpectedIsAClearError() {
        NncException e = assertThrows(NncException.class, () -> KernelRun.of("SequenceLength").in(range(2)).run());
        assertTrue(e.getMessage().contains("must be a sequence, got a tensor"), e.getMessage());
        NncException e2 = assertThrows(NncException.class,
                () -> KernelRun.of("Relu").value(seq(range(2))).run());
        assertTrue(e2.getMessage().contains("onnx.Relu: input 0 is a sequence"), e2.getMessage());
    }

    @Test
    void concatFromSequenceJoinsOrStacks() {
        TensorSequence s = seq(range(1, 2), f32(shape(1, 2), 5, 6));
        assertTensor(KernelRun.of("ConcatFromSequence").value(s).attr("axis", 0).run1(), shape(2, 2), 0, 1, 5, 6);
        assertTensor(KernelRun.of("ConcatFromSequence").value(s).attr("axis", -1).run1(), shape(1, 4), 0, 1, 5, 6);
        TensorSequence v = seq(f32(shape(2), 1, 2), f32(shape(2), 3, 4));
        assertTensor(KernelRun.of("ConcatFromSequence").value(v).attr("axis", 0).attr("new_axis", 1).run1(),
                shape(2, 2), 1, 2, 3, 4);
        assertTensor(KernelRun.of("ConcatFromSequence").value(v).attr("axis", -1).attr("new_axis", 1).run1(),
                shape(2, 2), 1, 3, 2, 4);
        assertThrows(NncException.class, () -> KernelRun.of("ConcatFromSequence").value(seq(range(2), range(1, 3)))
                .attr("axis", 0).run());
    }

    @Test
    void splitToSequenceBySizesScalarOrOnes() {
        TensorSequence sizes = seqResult(KernelRun.of("SplitToSequence").in(range(5, 1)).in(i64(2, 3)));
        assertEquals(2, sizes.size());
        assertTensor(sizes.get(1), shape(3, 1), 2, 3, 4);
        TensorSequence chunks = seqResult(KernelRun.of("SplitToSequence").in(range(2, 5)).in(scalar(2)).attr("axis", 1));
        assertEquals(3, chunks.size());
        assertTensor(chunks.get(0), shape(2, 2), 0, 1, 5, 6);
        assertTensor(chunks.get(2), shape(2, 1), 4, 9);
        TensorSequence ones = seqResult(KernelRun.of("SplitToSequence").in(range(2, 3)).attr("axis", 1).attr("keepdims", 0));
        assertEquals(3, ones.size());
        assertTensor(ones.get(1), shape(2), 1, 4);
        TensorSequence kept = seqResult(KernelRun.of("SplitToSequence").in(range(2, 3)));
        assertTensor(kept.get(1), shape(1, 3), 3, 4, 5);
        assertThrows(NncException.class, () -> KernelRun.of("SplitToSequence").in(range(4)).in(i64(1, 2)).runValues());
    }

    @Test
    void sequenceMapRunsTheBodyPerElementAndBroadcastsTensors() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(17);
        FuncOp f = FuncOp.create(m, "main");
        TensorType any = TensorType.unranked(FloatType.F32);
        Value s = f.addInput("s", new SequenceType(any));
        Value t = f.addInput("t", TensorType.of(FloatType.F32, 2));
        Operation map = f.body().append(Operation.create("onnx.SequenceMap", List.of(s, t),
                List.of(new SequenceType(any), new SequenceType(TensorType.unranked(IntegerType.I64))), Map.of(),
                Location.named("map")));
        Block body = map.addRegion().addBlock();
        Value a = body.addArgument(any, "a");
        Value b = body.addArgument(t.type(), "b");
        Operation add = body.append(Operation.create("onnx.Add", List.of(a, b), List.of(any), Map.of(), Location.named("add")));
        Operation shp = body.append(Operation.create("onnx.Shape", List.of(a), List.of(TensorType.unranked(IntegerType.I64)),
                Map.of("start", new Attribute.IntAttr(0)), Location.named("shape")));
        body.append(Operation.create(BuiltinDialect.RETURN, List.of(add.result(0), shp.result(0)), List.of(), Map.of(),
                Location.UNKNOWN));
        f.setOutputs(map.results(), List.of("sums", "shapes"));
        TensorSequence in = seq(f32(shape(2), 1, 2), f32(shape(2, 2), 10, 20, 30, 40));
        List<RuntimeValue> out = new Interpreter().runValues(f, List.of(in, f32(shape(2), 100, 200)), 17);
        TensorSequence sums = (TensorSequence) out.get(0);
        assertTensor(sums.get(0), shape(2), 101, 202);
        assertTensor(sums.get(1), shape(2, 2), 110, 220, 130, 240);
        TensorSequence shapes = (TensorSequence) out.get(1);
        assertLongs(shapes.get(1), shape(2), 2, 2);
        List<RuntimeValue> empty = new Interpreter().runValues(f, List.of(TensorSequence.empty(FloatType.F32),
                f32(shape(2), 1, 2)), 17);
        assertEquals(TensorSequence.empty(IntegerType.I64), empty.get(1));
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(f, List.of(range(2), range(2)), 17));
        assertTrue(e.getMessage().contains("must be a sequence"), e.getMessage());
    }
}
