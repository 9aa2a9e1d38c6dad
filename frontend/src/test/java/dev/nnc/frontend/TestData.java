package dev.nnc.frontend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.onnx.OnnxDialect;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates the shared test data and builds test-local op registries. */
final class TestData {
    private TestData() {
    }

    /** {@code $NNC_TEST_DATA}, else {@code ../shared} beside the repository root. */
    static Path shared() {
        String env = System.getenv("NNC_TEST_DATA");
        Path p = env != null && !env.isEmpty() ? Path.of(env) : Path.of("..", "..", "shared").toAbsolutePath().normalize();
        return p;
    }

    /** A file under the shared data; the test is skipped when it is absent. */
    static Path require(String relative) {
        Path p = shared().resolve(relative);
        assumeTrue(Files.exists(p), "test data absent: " + p);
        return p;
    }

    /**
     * The standard registry plus a spec-less stand-in (any arity, no attributes, no inference) for
     * each named op it lacks, so structure tests do not wait for other op families.
     */
    static DialectRegistry withStandIns(String... ops) {
        return registryWith(java.util.Arrays.stream(ops).map(op -> new OpSpec(OnnxDialect.PREFIX + op, List.of(1),
                new Arity(0, -1), new Arity(1, -1), List.of(), null, null, ctx -> List.of())).toArray(OpSpec[]::new));
    }

    /**
     * Like {@link #withStandIns(String...)}, but each stand-in defines the attributes the corpus
     * sets on it (op type to attribute name to kind), since the importer refuses undefined ones.
     */
    static DialectRegistry withStandIns(java.util.Map<String, java.util.Map<String, dev.nnc.ir.spec.AttrKind>> attrsByOp) {
        return registryWith(attrsByOp.entrySet().stream().map(e -> new OpSpec(OnnxDialect.PREFIX + e.getKey(), List.of(1),
                new Arity(0, -1), new Arity(1, -1), e.getValue().entrySet().stream()
                .map(a -> new dev.nnc.ir.spec.AttrSpec(a.getKey(), a.getValue(), null, false)).toList(),
                null, null, ctx -> List.of())).toArray(OpSpec[]::new));
    }

    /** The standard registry plus {@code extra} onnx ops (those it already has are kept as they are). */
    static DialectRegistry registryWith(OpSpec... extra) {
        DialectRegistry std = DialectRegistry.standard();
        Dialect onnx = new Dialect("onnx");
        std.dialects().get("onnx").ops().values().forEach(onnx::register);
        for (OpSpec spec : extra) {
            if (onnx.lookup(spec.name()).isEmpty()) {
                onnx.register(spec);
            }
        }
        DialectRegistry r = new DialectRegistry();
        std.dialects().values().stream().filter(d -> !d.name().equals("onnx")).forEach(r::add);
        r.add(onnx);
        return r;
    }
}
