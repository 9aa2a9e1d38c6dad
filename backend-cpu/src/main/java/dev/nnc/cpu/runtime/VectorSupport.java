package dev.nnc.cpu.runtime;

import dev.nnc.cpu.compile.InMemoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the {@code jdk.incubator.vector} GEMM kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else keeps the scalar one. The vector kernel's source
 * ships as a resource and is compiled in memory at first use, so the build never needs the
 * incubator module (javac's {@code --release 17} cannot see it) and the same jar runs on JDK 17
 * and 25 with or without it. {@code -Dnnc.vector=false} forces the scalar kernel.
 */
public final class VectorSupport {
    private static final String SOURCE = "/dev/nnc/cpu/runtime/VectorGemm.java.txt";
    private static final String CLASS = "dev.nnc.cpu.runtime.vector.VectorGemm";

    private VectorSupport() {
    }

    /** True when the incubator module is in the boot layer. */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The vector kernel if it can be used here, else {@code fallback}. */
    static GemmKernel gemmOr(GemmKernel fallback) {
        return kernelOr("VectorGemm", GemmKernel.class, fallback);
    }

    /** Compiles and instantiates the vector kernel; fails if the module is absent. */
    public static GemmKernel vectorGemm() {
        return load(SOURCE, CLASS, GemmKernel.class);
    }

    /** The vector 3x3 depthwise kernel if it can be used here, else {@code fallback}. */
    static DepthwiseKernel depthwiseOr(DepthwiseKernel fallback) {
        return kernelOr("VectorDepthwise", DepthwiseKernel.class, fallback);
    }

    /**
     * The vector implementation of {@code type} whose source is the resource {@code simpleName.java.txt}
     * beside this class (class {@code dev.nnc.cpu.runtime.vector.simpleName}), or {@code fallback}
     * where the incubator module is absent, disabled or cannot be compiled here.
     */
    static <T> T kernelOr(String simpleName, Class<T> type, T fallback) {
        if (!available() || "false".equals(System.getProperty("nnc.vector"))) {
            return fallback;
        }
        try {
            return load("/dev/nnc/cpu/runtime/" + simpleName + ".java.txt", "dev.nnc.cpu.runtime.vector." + simpleName, type);
        } catch (RuntimeException | LinkageError e) {
            return fallback; // e.g. no javac in this runtime: the scalar kernel computes the same
        }
    }

    /** Compiles the kernel source shipped as resource {@code source} and instantiates its class. */
    static <T> T load(String source, String className, Class<T> type) {
        String text;
        try (InputStream in = VectorSupport.class.getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("missing " + source);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
        Class<?> cls = InMemoryCompiler.compile(className, text, List.of("--add-modules", "jdk.incubator.vector"));
        try {
            return type.cast(cls.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + className, e);
        }
    }
}
