package dev.nnc.frontend;

import static dev.nnc.frontend.Protos.FLOAT;
import static dev.nnc.frontend.Protos.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.SparseTensorProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparse tensors (initializers and attributes) become dense constants with zeros elsewhere. */
class SparseTensorsTest {
    private static final TensorProtoConverter CONV = new TensorProtoConverter("m.onnx", null, 1 << 20);

    private static SparseTensorProto sparse(String name, long[] dims, long[] indexDims, long[] indices, float... values) {
        TensorProto idx = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(Protos.boxed(indexDims)).addAllInt64Data(Protos.boxed(indices)).build();
        return SparseTensorProto.newBuilder().setValues(Protos.floats(name, new long[] {values.length}, values))
                .setIndices(idx).addAllDims(Protos.boxed(dims)).build();
    }

    @Test
    void linearAndCoordinateIndicesGiveTheSameDenseTensor() {
        Tensor linear = SparseTensors.toDense(sparse("s", new long[] {2, 3}, new long[] {2}, new long[] {1, 5}, 7, 9),
                CONV, "tensor 's'", "m.onnx");
        Tensor coords = SparseTensors.toDense(sparse("s", new long[] {2, 3}, new long[] {2, 2}, new long[] {0, 1, 1, 2}, 7, 9),
                CONV, "tensor 's'", "m.onnx");
        assertArrayEquals(new double[] {0, 7, 0, 0, 0, 9}, linear.doubles());
        assertEquals(linear, coords);
    }

    @Test
    void indexOutsideTheDimsIsAnError() {
        NncException e = assertThrows(NncException.class, () -> SparseTensors.toDense(
                sparse("s", new long[] {2, 3}, new long[] {1, 2}, new long[] {2, 0}, 1), CONV, "tensor 's'", "m.onnx"));
        assertTrue(e.oneLine().startsWith("m.onnx: tensor 's' has index 0 outside dims [2, 3]"), e.oneLine());
    }

    @Test
    void sparseInitializerAndSparseConstantImportDense(@TempDir Path dir) {
        AttributeProto sv = AttributeProto.newBuilder().setName("sparse_value").setType(AttributeProto.AttributeType.SPARSE_TENSOR)
                .setSparseTensor(sparse("c", new long[] {3}, new long[] {1}, new long[] {2}, 4)).build();
        Path p = Protos.write(dir, "model.onnx", Protos.model(GraphProto.newBuilder()
                .addSparseInitializer(sparse("w", new long[] {4}, new long[] {1}, new long[] {0}, 5))
                .addNode(Protos.node("Constant", "k", List.of(), List.of("c"), sv))
                .addOutput(value("w", FLOAT, 4)).addOutput(value("c", FLOAT, 3))));
        FuncOp f = OnnxImporter.importFile(p).mainFunction();
        Operation w = f.body().operations().get(0);
        assertEquals("w", w.result(0).nameHint());
        assertArrayEquals(new double[] {5, 0, 0, 0}, ((Attribute.DenseAttr) w.property("value")).value().doubles());
        Operation k = f.body().operations().get(1);
        assertArrayEquals(new double[] {0, 0, 4}, ((Attribute.DenseAttr) k.property("value")).value().doubles(),
                "a sparse Constant becomes a dense one");
        assertEquals(null, k.property("sparse_value"));
    }
}
