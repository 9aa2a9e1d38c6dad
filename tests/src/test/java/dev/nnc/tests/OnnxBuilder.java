package dev.nnc.tests;

import dev.nnc.frontend.proto.Onnx.AttributeProto;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.frontend.proto.Onnx.OperatorSetIdProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.TensorShapeProto;
import dev.nnc.frontend.proto.Onnx.TypeProto;
import dev.nnc.frontend.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small ONNX models built in Java for tests, so no model file needs to be committed. */
public final class OnnxBuilder {
    public static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private OnnxBuilder() {
    }

    public static ValueInfoProto tensor(String name, int elemType, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
                .build();
    }

    public static NodeProto node(String op, String name, List<String> inputs, List<String> outputs) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addAllOutput(outputs).build();
    }

    public static ModelProto model(GraphProto graph) {
        return model(graph, 13);
    }

    /** The graph as a model importing the default domain at {@code opset}. */
    public static ModelProto model(GraphProto graph, int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("nnc-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
    }

    public static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto intsAttr(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    public static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    /** {@code y = Identity(x)} with x, y of type f32[1,3]. */
    public static GraphProto.Builder identityGraph() {
        return GraphProto.newBuilder().setName("identity")
                .addInput(tensor("x", FLOAT, 1, 3))
                .addOutput(tensor("y", FLOAT, 1, 3))
                .addNode(node("Identity", "id0", List.of("x"), List.of("y")));
    }

    public static Path write(Path dir, String fileName, ModelProto model) throws IOException {
        Path f = dir.resolve(fileName);
        Files.write(f, model.toByteArray());
        return f;
    }
}
