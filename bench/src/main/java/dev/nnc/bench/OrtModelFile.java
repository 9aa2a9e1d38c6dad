package dev.nnc.bench;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model as ONNX Runtime is given it: graph inputs that merely name an initializer (old
 * exporters list every weight as an input, e.g. mnist-8 and ultraface) are dropped, as ORT's own
 * {@code remove_initializer_from_input.py} does. Otherwise ORT must treat those weights as
 * overridable inputs and skips constant folding and Conv/BatchNorm fusion, and the baseline
 * would be slower than ORT really is. nnc treats initializers as constants either way.
 */
public final class OrtModelFile {
    private OrtModelFile() {
    }

    /** The serialized model with initializer-backed graph inputs removed. */
    public static byte[] withConstantInitializers(Path model) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(model));
        GraphProto g = m.getGraph();
        Set<String> weights = g.getInitializerList().stream().map(t -> t.getName()).collect(Collectors.toSet());
        GraphProto.Builder b = g.toBuilder().clearInput();
        g.getInputList().stream().filter(v -> !weights.contains(v.getName())).forEach(b::addInput);
        return m.toBuilder().setGraph(b).build().toByteArray();
    }
}
