package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.OptionalProto;
import dev.nnc.frontend.proto.Onnx.SequenceProto;
import dev.nnc.frontend.proto.Onnx.SparseTensorProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.OptionalValue;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.OptionalType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequence and optional values: their types on import and their test-data files (TensorFiles.readValue). */
class SequenceValuesTest {
    private static final SequenceType SEQ_F32 = new SequenceType(TensorType.unranked(FloatType.F32));

    @TempDir
    Path dir;

    private static SequenceProto twoTensors() {
        return SequenceProto.newBuilder().setName("s").setElemType(SequenceProto.DataType.TENSOR_VALUE)
                .addTensorValues(Protos.floats("", new long[] {2}, 1, 2))
                .addTensorValues(Protos.floats("", new long[] {1, 3}, 3, 4, 5)).build();
    }

    @Test
    void readsASequenceFile() {
        Path pb = Protos.write(dir, "seq.pb", twoTensors());
        for (RuntimeValue v : List.of(TensorFiles.readValue(pb), TensorFiles.readValue(pb, SEQ_F32))) {
            TensorSequence s = (TensorSequence) v;
            assertEquals(2, s.size());
            assertEquals(FloatType.F32, s.elementType());
            assertArrayEquals(new int[] {1, 3}, s.get(1).shape());
            assertArrayEquals(new double[] {3, 4, 5}, s.get(1).doubles());
        }
    }

    @Test
    void emptySequenceTakesTheDeclaredElementType() {
        Path pb = Protos.write(dir, "empty.pb", SequenceProto.newBuilder().setElemType(1).build());
        TensorSequence s = (TensorSequence) TensorFiles.readValue(pb, new SequenceType(TensorType.unranked(IntegerType.I64)));
        assertEquals(TensorSequence.empty(IntegerType.I64), s);
    }

    @Test
    void readsOptionalFiles() {
        OptionalType optTensor = new OptionalType(TensorType.unranked(FloatType.F32));
        Path full = Protos.write(dir, "full.pb", OptionalProto.newBuilder().setElemType(1)
                .setTensorValue(Protos.floats("", new long[] {2}, 7, 8)).build());
        OptionalValue o = (OptionalValue) TensorFiles.readValue(full, optTensor);
        assertTrue(o.isPresent());
        assertArrayEquals(new double[] {7, 8}, ((Tensor) o.value()).doubles());
        Path empty = Protos.write(dir, "empty.pb", OptionalProto.newBuilder().setElemType(1).build());
        OptionalValue e = (OptionalValue) TensorFiles.readValue(empty, optTensor);
        assertFalse(e.isPresent());
        assertEquals(optTensor.element(), e.elementType());
        Path seq = Protos.write(dir, "seq.pb", OptionalProto.newBuilder().setElemType(3).setSequenceValue(twoTensors()).build());
        OptionalValue os = (OptionalValue) TensorFiles.readValue(seq, new OptionalType(SEQ_F32));
        assertEquals(2, ((TensorSequence) os.value()).size());
    }

    @Test
    void tensorFilesStillReadAsTensors() {
        Path pb = Protos.write(dir, "t.pb", Protos.floats("t", new long[] {2}, 1, 2));
        assertTrue(TensorFiles.readValue(pb) instanceof Tensor);
        assertTrue(TensorFiles.readValue(pb, TensorType.of(FloatType.F32, 2)) instanceof Tensor);
        assertArrayEquals(new double[] {1, 2}, TensorFiles.readTensorProto(pb).doubles());
    }

    @Test
    void unsupportedContentsAreOneLineErrors() {
        Path sparse = Protos.write(dir, "sparse.pb", SequenceProto.newBuilder().setElemType(2)
                .addSparseTensorValues(SparseTensorProto.newBuilder()).build());
        NncException e = assertThrows(NncException.class, () -> TensorFiles.readValue(sparse, SEQ_F32));
        assertTrue(e.oneLine().contains("sparse.pb") && e.oneLine().contains("sequences of tensors only"), e.oneLine());
        Path mixed = Protos.write(dir, "mixed.pb", SequenceProto.newBuilder().setElemType(1)
                .addTensorValues(Protos.floats("", new long[] {1}, 1))
                .addTensorValues(dev.nnc.frontend.proto.Onnx.TensorProto.newBuilder().setDataType(7).addDims(1).addInt64Data(3))
                .build());
        NncException m = assertThrows(NncException.class, () -> TensorFiles.readValue(mixed, SEQ_F32));
        assertTrue(m.oneLine().contains("mixes element types f32 and i64"), m.oneLine());
        Path corrupt = Protos.write(dir.resolve("bad.pb"), new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
        NncException c = assertThrows(NncException.class, () -> TensorFiles.readValue(corrupt, SEQ_F32));
        assertTrue(c.oneLine().contains("bad.pb") && c.oneLine().contains("SequenceProto"), c.oneLine());
    }

    @Test
    void importsSequenceAndOptionalTypesAndRunsAModel() {
        TypeProto tensor = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(Protos.FLOAT)).build();
        TypeProto seq = TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(tensor)).build();
        TypeProto opt = TypeProto.newBuilder().setOptionalType(TypeProto.Optional.newBuilder().setElemType(seq)).build();
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(ValueInfoProto.newBuilder().setName("s").setType(seq))
                .addOutput(ValueInfoProto.newBuilder().setName("o").setType(opt))
                .addOutput(Protos.value("n", 7))
                .addNode(Protos.node("Optional", "wrap", List.of("s"), List.of("o")))
                .addNode(Protos.node("SequenceLength", "len", List.of("s"), List.of("n")));
        Path p = Protos.write(dir, "m.onnx", Protos.model(g));
        ModuleOp m = OnnxImporter.importFile(p);
        FuncOp f = m.mainFunction();
        assertEquals(SEQ_F32, f.arguments().get(0).type());
        assertEquals(new OptionalType(SEQ_F32), f.outputs().get(0).type());
        TensorSequence in = (TensorSequence) TensorFiles.readValue(Protos.write(dir, "s.pb", twoTensors()), SEQ_F32);
        Map<String, RuntimeValue> out = new Interpreter().runValues(m, Map.of("s", in));
        assertEquals(OptionalValue.of(in), out.get("o"));
        assertEquals(2L, ((Tensor) out.get("n")).getLong(0));
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(m, Map.of("s", Tensor.scalar(FloatType.F32, 1))));
        assertTrue(e.oneLine().contains("must be a sequence"), e.oneLine());
        Path exported = dir.resolve("back.onnx");
        OnnxExporter.exportFile(m, exported);
        FuncOp back = OnnxImporter.importFile(exported).mainFunction();
        assertEquals(SEQ_F32, back.arguments().get(0).type());
        assertEquals(new OptionalType(SEQ_F32), back.outputs().get(0).type());
    }
}
