package dev.nnc.cpu;

import dev.nnc.cpu.compile.InMemoryCompiler;
import dev.nnc.cpu.emit.JavaEmitter;
import dev.nnc.cpu.gen.InterpretedNodes;
import dev.nnc.cpu.gen.ModelBuilder;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.TensorType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU backend: an {@code onnx}-dialect module with static shapes → Java source specialised to
 * those shapes ({@link #generate}) → a class compiled in memory → a {@link CompiledModel}. Compiled
 * classes are cached by a hash of the source; the source holds the whole model except the weight
 * values (constructor arguments), so models that differ only in weights share one class.
 */
public final class CpuBackend {
    /** The package of generated classes. */
    public static final String PACKAGE = "dev.nnc.cpu.generated";
    private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();

    private CpuBackend() {
    }

    /** The generated source of {@code module}'s main function, as class {@code modelName}; every node native. */
    public static GeneratedSource generate(ModuleOp module, String modelName) {
        return generate(module, modelName, false);
    }

    /**
     * The generated source of {@code module}'s main function, as class {@code modelName};
     * {@code fallback}: nodes without a Java lowering run on the interpreter instead of being refused.
     */
    public static GeneratedSource generate(ModuleOp module, String modelName, boolean fallback) {
        ModelBuilder.Result r = ModelBuilder.build(module, modelName, PACKAGE, fallback);
        String source = JavaEmitter.emit(r.model());
        FuncOp f = module.mainFunction();
        return new GeneratedSource(PACKAGE + "." + r.model().className(), source, r.weights(), f.inputNames(),
                shapes(f.arguments()), dtypes(f.arguments()), f.outputNames(), shapes(f.outputs()), dtypes(f.outputs()),
                List.copyOf(r.nodes()), r.nodes().stream().map(n -> InterpretedNodes.label(n.op())).toList());
    }

    /** Generates, compiles (or finds in the cache) and instantiates the model. */
    public static CompiledModel compile(ModuleOp module, String modelName, CpuOptions options) {
        return load(generate(module, modelName, options.fallback()), options);
    }

    /** Compiles (or finds in the cache) and instantiates generated source. */
    public static CompiledModel load(GeneratedSource src, CpuOptions options) {
        String key = sha256(src.qualifiedName() + "\n" + src.source());
        Class<?> cls = CACHE.computeIfAbsent(key, k -> InMemoryCompiler.compile(src.qualifiedName(), src.source()));
        return new CompiledModel(cls, src, options);
    }

    /** The class files of generated source (for a jar), by binary name; the source must run natively throughout. */
    public static Map<String, byte[]> classFiles(GeneratedSource src) {
        if (!src.nodes().isEmpty()) {
            throw new dev.nnc.ir.diag.NncException("a model jar cannot hold nodes run on the interpreter: "
                    + String.join(", ", src.interpreted()));
        }
        return InMemoryCompiler.compileToBytes(src.qualifiedName(), src.source(), List.of());
    }

    private static List<Dtype> dtypes(List<Value> values) {
        List<Dtype> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v.type() instanceof TensorType t && t.isStatic() ? Dtype.of(t.elementType()) : null);
        }
        return out;
    }

    private static List<int[]> shapes(List<Value> values) {
        List<int[]> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v.type() instanceof TensorType t && t.isStatic() && Dtype.of(t.elementType()) != null ? t.shape() : null);
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
