package dev.nnc.ir.onnx;

import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.OpSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code onnx} dialect: ONNX ops 1:1 as imported, with attribute defaults filled in. The
 * catalogue comes from the families' tables; every op in a table must have semantics bound, so
 * the set of importable ops is exactly the set the reference interpreter can run.
 */
public final class OnnxDialect {
    public static final String PREFIX = "onnx.";

    private OnnxDialect() {
    }

    public static Dialect load() {
        Dialect d = new Dialect("onnx");
        KernelTable kernels = new KernelTable();
        for (KernelFamily f : OnnxKernels.families()) {
            f.register(kernels);
            for (OpSpec raw : readTable(f)) {
                String onnxName = raw.name().substring(PREFIX.length());
                KernelTable.Behaviour b = kernels.get(onnxName);
                if (b == null || b.semantics() == null) {
                    throw new IllegalStateException("op table row " + onnxName + " of " + f.table() + " has no semantics bound");
                }
                d.register(raw.withBehaviour(b.verifier(), b.inference(), b.semantics()));
            }
        }
        for (String bound : kernels.all().keySet()) {
            if (d.lookup(PREFIX + bound).isEmpty()) {
                throw new IllegalStateException("semantics bound for " + bound + " but no op table row lists it");
            }
        }
        return d;
    }

    private static List<OpSpec> readTable(KernelFamily f) {
        try (InputStream in = OnnxDialect.class.getResourceAsStream(f.table())) {
            if (in == null) {
                throw new IllegalStateException("missing op table resource " + f.table() + " for " + f.getClass().getName());
            }
            return OpTableReader.read(in, f.table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
