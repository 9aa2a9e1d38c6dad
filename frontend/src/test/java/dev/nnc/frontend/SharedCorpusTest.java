package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.frontend.proto.Onnx.NodeProto;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.text.StructuralEquality;
import dev.nnc.ir.spec.DialectRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model and tensor file of the shared ONNX test corpus either loads or fails with one line
 * naming the file: no crash, no stack trace; and every imported model survives export and import
 * unchanged. Ops without a spec get stand-ins, so this tests the frontend alone (what the ops
 * compute is the conformance suite's business).
 */
class SharedCorpusTest {

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Runs {@code load}; returns true when it worked, false for a clean one-line error about {@code file}. */
    private static boolean loads(Path file, Runnable load, List<String> crashes) {
        try {
            load.run();
            return true;
        } catch (NncException e) {
            String line = e.oneLine();
            if (!line.startsWith(file.toString()) || line.contains("\n")) {
                crashes.add("bad message for " + file + ": " + line);
            }
            return false;
        } catch (RuntimeException e) {
            crashes.add(file + ": " + e);
            return false;
        }
    }

    /** The op-table kind of an attribute as a file sets it; null for kinds the importer refuses anyway. */
    private static AttrKind standInKind(dev.nnc.frontend.proto.Onnx.AttributeProto a) {
        switch (AttributeConverter.kind(a)) {
            case TYPE_PROTO:
                return AttrKind.TYPE;
            case SPARSE_TENSOR:
                return AttrKind.TENSOR;
            default:
                try {
                    return AttrKind.valueOf(AttributeConverter.kind(a).name());
                } catch (IllegalArgumentException e) {
                    return null;
                }
        }
    }

    @Test
    void everyModelAndTensorLoadsOrFailsCleanly() throws IOException {
        Path root = TestData.require("onnx-tests");
        List<Path> models = files(root, "model.onnx");
        java.util.Map<String, java.util.Map<String, AttrKind>> ops = new java.util.TreeMap<>();
        for (Path m : models) {
            try {
                for (NodeProto n : OnnxLoader.readModel(m, m.toString()).getGraph().getNodeList()) {
                    var attrs = ops.computeIfAbsent(n.getOpType(), k -> new java.util.TreeMap<>());
                    n.getAttributeList().forEach(a -> {
                        AttrKind k = standInKind(a);
                        if (k != null) {
                            attrs.putIfAbsent(a.getName(), k);
                        }
                    });
                }
            } catch (NncException e) {
                // reported by the import below
            }
        }
        DialectRegistry registry = TestData.withStandIns(ops);
        List<String> crashes = new ArrayList<>();
        int imported = 0;
        int tensors = 0;
        List<Path> pbs = files(root, ".pb");
        int roundTrips = 0;
        Path out = Files.createTempFile("nnc-corpus", ".onnx");
        for (Path m : models) {
            ModuleOp[] module = new ModuleOp[1];
            if (!loads(m, () -> module[0] = new OnnxImporter(registry).importModel(m, ImportOptions.defaults()), crashes)) {
                continue;
            }
            imported++;
            // what the importer built, exported and imported again, is the same module
            new OnnxExporter(registry).exportModel(module[0], out);
            String diff = StructuralEquality.describeDifference(module[0],
                    new OnnxImporter(registry).importModel(out, ImportOptions.defaults()));
            if (diff != null) {
                crashes.add("export round trip of " + m + ": " + diff);
            } else {
                roundTrips++;
            }
        }
        Files.delete(out);
        for (Path pb : pbs) {
            tensors += loads(pb, () -> TensorFiles.readTensorProto(pb), crashes) ? 1 : 0;
        }
        System.out.println("corpus: " + imported + " of " + models.size() + " models imported (" + roundTrips
                + " export round trips), " + tensors + " of " + pbs.size() + " tensors read");
        assertEquals(List.of(), crashes);
        // the rest use complex numbers, sequences, optionals, subgraphs or non-ONNX domains
        assertTrue(imported >= models.size() * 0.85, imported + " of " + models.size() + " models imported");
        assertTrue(tensors >= pbs.size() * 0.9, tensors + " of " + pbs.size() + " tensors read");
    }
}
