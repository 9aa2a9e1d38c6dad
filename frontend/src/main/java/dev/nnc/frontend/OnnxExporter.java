package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.OperatorSetIdProto;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.spec.DialectRegistry;
import java.nio.file.Path;

/**
 * Writes a module of the {@code onnx} dialect back to an ONNX model file, so a model nnc has
 * transformed can run in any ONNX runtime. Importing the file gives the same module again.
 */
public final class OnnxExporter {
    private final DialectRegistry registry;

    public OnnxExporter() {
        this(DialectRegistry.standard());
    }

    /** An exporter that takes attribute kinds from {@code registry}'s op specs. */
    public OnnxExporter(DialectRegistry registry) {
        this.registry = registry;
    }

    public static void exportFile(ModuleOp module, Path out) {
        new OnnxExporter().exportModel(module, out);
    }

    /** Writes {@code module}'s main function to {@code out}; errors name the file and the op at fault. */
    public void exportModel(ModuleOp module, Path out) {
        byte[] bytes;
        try {
            ModelProto m = toProto(module);
            if (m.getSerializedSize() < 0 || m.getSerializedSize() > OnnxLoader.MAX_FILE_BYTES) {
                throw new NncException("the model exceeds the 2 GiB protobuf limit");
            }
            bytes = m.toByteArray();
        } catch (NncException e) {
            throw new NncException(out + ": " + e.getMessage());
        }
        FileAccess.writeAtomically(out, bytes);
    }

    ModelProto toProto(ModuleOp module) {
        FuncOp main = module.mainFunction();
        if (main == null) {
            throw new NncException("the module has no function to export");
        }
        int opset = module.opset() > 0 ? module.opset() : 21;
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(irVersion(opset)).setProducerName("nnc")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
        module.opsets().others().forEach((domain, version) ->
                m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version)));
        return m.setGraph(new GraphExporter(registry).main(main)).build();
    }

    /** The IR version that introduced the opset, so older runtimes still accept the file. */
    static int irVersion(int opset) {
        if (opset >= 23) {
            return 11;
        }
        if (opset >= 21) {
            return 10;
        }
        if (opset >= 19) {
            return 9;
        }
        return opset >= 15 ? 8 : 7;
    }
}
