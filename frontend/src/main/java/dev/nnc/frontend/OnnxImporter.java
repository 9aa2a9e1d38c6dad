package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.frontend.proto.Onnx.ModelProto;
import dev.nnc.frontend.proto.Onnx.OperatorSetIdProto;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDomains;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.verify.Verifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports an ONNX model file into a {@link ModuleOp} of the {@code onnx} dialect with one
 * function {@code main}. Every problem with the file, including ops nnc does not know, is an
 * {@link dev.nnc.ir.diag.NncException} with one line naming the file and the node or value.
 *
 * <pre>
 * ModuleOp m = OnnxImporter.importFile(Path.of("model.onnx"),
 *         ImportOptions.defaults().withInputShape("input=1x3x224x224"));
 * </pre>
 */
public final class OnnxImporter {
    private final DialectRegistry registry;

    /** An importer that knows the ops of {@link DialectRegistry#standard()}. */
    public OnnxImporter() {
        this(DialectRegistry.standard());
    }

    /** An importer that looks op specs up in {@code registry} (e.g. a test's own dialect). */
    public OnnxImporter(DialectRegistry registry) {
        this.registry = registry;
    }

    public static ModuleOp importFile(Path model) {
        return importFile(model, ImportOptions.defaults());
    }

    public static ModuleOp importFile(Path model, ImportOptions options) {
        return new OnnxImporter().importModel(model, options);
    }

    /** Imports {@code model}; external data is read from the model's folder only. */
    public ModuleOp importModel(Path model, ImportOptions options) {
        String label = model.toString();
        ModelProto proto = OnnxLoader.readModel(model, label);
        return importProto(proto, label, model.toAbsolutePath().getParent(), options);
    }

    /** Imports an already parsed model; {@code folder} is where its external data lives. */
    ModuleOp importProto(ModelProto proto, String label, Path folder, ImportOptions options) {
        Opsets opsets = opsets(proto);
        ModuleOp module = ModuleOp.create();
        module.setOpsets(opsets);
        FuncOp main = FuncOp.create(module, "main");
        GraphProto graph = FunctionInliner.inline(proto, label);
        SupportedOps.check(graph, registry, label);
        TensorProtoConverter tensors = new TensorProtoConverter(label,
                folder == null ? null : new ExternalData(folder, label), options.maxTensorBytes());
        ImportContext ctx = ImportContext.create(label, options, tensors, registry, opsets);
        new GraphImporter(ctx, new Scope(null)).importMain(graph, main);
        verify(module, label);
        return module;
    }

    /** The importer promises verified IR; a violation is reported against the model file. */
    private void verify(ModuleOp module, String label) {
        for (Diagnostic d : Verifier.verify(module, registry)) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                String where = d.location() == null || d.location().equals(Location.UNKNOWN) ? "" : d.location() + ": ";
                throw new NncException(label + ": " + where + d.message());
            }
        }
    }

    /** The versions of the ONNX domains the model imports (QONNX-style domains are not versioned ops of ours). */
    static Opsets opsets(ModelProto proto) {
        Map<String, Integer> others = new TreeMap<>();
        for (OperatorSetIdProto id : proto.getOpsetImportList()) {
            String d = OnnxDomains.canonical(id.getDomain());
            if (!d.isEmpty() && OnnxDomains.mapped(d) && !OnnxDomains.isDefaultAlias(d)) {
                others.put(d, (int) id.getVersion());
            }
        }
        return new Opsets(defaultOpset(proto), others);
    }

    /** The version of the default ONNX domain; models before opset imports existed mean version 1. */
    static int defaultOpset(ModelProto proto) {
        for (OperatorSetIdProto id : proto.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                return (int) id.getVersion();
            }
        }
        return 1;
    }
}
