package dev.nnc.frontend;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.SequenceProto;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads ONNX protobuf files. Every failure (missing, empty, truncated, not protobuf, the wrong
 * kind of message) becomes one {@link NncException} line naming the file: a protobuf stack trace
 * helps no user.
 */
final class OnnxLoader {
    /** Protobuf cannot address more than 2 GiB in one message. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

    private OnnxLoader() {
    }

    /** Reads a model; {@code label} is the file as the user named it. */
    static ModelProto readModel(Path path, String label) {
        ModelProto m;
        try {
            m = parse(path, label, ModelProto.parser());
        } catch (InvalidProtocolBufferException e) {
            if (looksLikeTensor(path, label)) {
                throw tensorNotModel(label);
            }
            String kind = FileKinds.describe(path);
            throw new NncException(label + ": not a valid ONNX model (" + (kind != null ? "this is " + kind
                    : "truncated or corrupt protobuf: " + oneLine(e)) + ")");
        }
        if (!m.hasGraph()) {
            if (looksLikeTensor(path, label)) {
                throw tensorNotModel(label);
            }
            throw new NncException(label + ": not a valid ONNX model: it has no graph");
        }
        return m;
    }

    /** Reads one serialized message of {@code kind} (e.g. "SequenceProto") with {@code parser}. */
    static <T extends Message> T readMessage(Path path, String label, Parser<T> parser, String kind) {
        try {
            return parse(path, label, parser);
        } catch (InvalidProtocolBufferException e) {
            throw new NncException(label + ": not a valid ONNX " + kind + " (truncated or corrupt protobuf: " + oneLine(e) + ")");
        }
    }

    /** Reads one serialized {@code TensorProto} (e.g. a test_data_set input_0.pb). */
    static TensorProto readTensor(Path path, String label) {
        TensorProto t;
        try {
            t = parse(path, label, TensorProto.parser());
        } catch (InvalidProtocolBufferException e) {
            throw new NncException(label + ": not a valid ONNX TensorProto (truncated or corrupt protobuf: " + oneLine(e) + ")");
        }
        if (!t.hasDataType()) {
            throw new NncException(label + ": not a valid ONNX TensorProto: it has no data_type");
        }
        return t;
    }

    private static <T extends Message> T parse(Path path, String label, Parser<T> parser) throws InvalidProtocolBufferException {
        checkFile(path, label);
        try (InputStream in = Files.newInputStream(path)) {
            CodedInputStream cis = CodedInputStream.newInstance(in);
            cis.setSizeLimit(Integer.MAX_VALUE);
            T msg = parser.parseFrom(cis);
            cis.checkLastTagWas(0);
            return msg;
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new NncException(label + ": cannot read: " + e.getMessage());
        }
    }

    private static void checkFile(Path path, String label) {
        if (!Files.exists(path)) {
            throw new NncException(label + ": file not found");
        }
        if (Files.isDirectory(path)) {
            throw new NncException(label + ": is a directory, not a file");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new NncException(label + ": cannot read: " + e.getMessage());
        }
        if (size == 0) {
            throw new NncException(label + ": file is empty");
        }
        if (size > MAX_FILE_BYTES) {
            throw new NncException(label + ": file of " + size + " bytes exceeds the protobuf limit of 2 GiB; store large tensors as external data");
        }
    }

    /** A file that parses as a TensorProto with a valid type and some data is a tensor, not a model. */
    private static boolean looksLikeTensor(Path path, String label) {
        try {
            TensorProto t = parse(path, label, TensorProto.parser());
            return t.hasDataType() && TensorProto.DataType.forNumber(t.getDataType()) != null && t.getDataType() != 0
                    && (t.hasRawData() || t.getDimsCount() > 0 || t.getFloatDataCount() > 0 || t.getInt32DataCount() > 0
                    || t.getInt64DataCount() > 0 || t.getDoubleDataCount() > 0 || t.getStringDataCount() > 0);
        } catch (InvalidProtocolBufferException | NncException e) {
            return false;
        }
    }

    /**
     * "SequenceProto or OptionalProto" when the file parses as one (the two share their layout);
     * such files also parse as a nonsensical TensorProto, so ask only after that failed.
     */
    static String containerKind(Path path) {
        try {
            SequenceProto s = parse(path, path.toString(), SequenceProto.parser());
            boolean plausible = s.getElemType() >= 1 && s.getElemType() <= 5 && s.getUnknownFields().asMap().isEmpty();
            return plausible ? "SequenceProto or OptionalProto" : null;
        } catch (InvalidProtocolBufferException | NncException e) {
            return null;
        }
    }

    private static NncException tensorNotModel(String label) {
        return new NncException(label + ": looks like a TensorProto, not a model (pass it as input data, not as the model)");
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ').strip();
        int sentence = m.indexOf(". ");
        return sentence > 0 ? m.substring(0, sentence + 1) : m;
    }
}
