package dev.nnc.cpu.runtime;

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
        return VectorSupport.kernelOr("QVectorRows", QRowKernel.class, QRowKernel.SCALAR);
    }

    /** Compiles and instantiates the vector kernel; fails if the module is absent. */
    public static QRowKernel vector() {
        return VectorSupport.load(SOURCE, CLASS, QRowKernel.class);
    }
}
