package dev.nnc.cpu.runtime;

import dev.nnc.cpu.compile.InMemoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The integer row kernel of {@link QGemm}: the {@code jdk.incubator.vector} one when the JVM has
 * the module (compiled in memory from a resource at first use, as {@link VectorSupport} does for
 * the float GEMM), else the scalar loop. {@code -Dnnc.vector=false} forces the scalar one.
 */
public final class QVectorSupport {
    private static final String SOURCE = "/dev/nnc/cpu/runtime/QVectorRows.java.txt";
    private static final String CLASS = "dev.nnc.cpu.runtime.vector.QVectorRows";
    /** The kernel QGemm uses. */
    static final QRowKernel ROWS = choose();

    private QVectorSupport() {
    }

    private static QRowKernel choose() {
        if (!VectorSupport.available() || "false".equals(System.getProperty("nnc.vector"))) {
            return QRowKernel.SCALAR;
        }
        try {
            return vector();
        } catch (RuntimeException | LinkageError e) {
            return QRowKernel.SCALAR; // e.g. no javac here, or the source is not in this jar: same results
        }
    }

    /** Compiles and instantiates the vector kernel; fails if the module is absent. */
    public static QRowKernel vector() {
        String source;
        try (InputStream in = QVectorSupport.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SOURCE);
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SOURCE, e);
        }
        Class<?> cls = InMemoryCompiler.compile(CLASS, source, List.of("--add-modules", "jdk.incubator.vector"));
        try {
            return (QRowKernel) cls.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + CLASS, e);
        }
    }
}
