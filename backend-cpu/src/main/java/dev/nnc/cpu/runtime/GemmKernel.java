package dev.nnc.cpu.runtime;

/**
 * The inner block of a matrix product, {@code C[rows][cols] += A[rows][0..k) · B[0..k)[cols]} for
 * row-major arrays with leading dimensions k (A) and n (B, C). Two implementations: the scalar
 * one HotSpot auto-vectorises, and one written with {@code jdk.incubator.vector} that keeps a tile
 * of C in vector registers across k, loaded only when that module is present ({@link VectorSupport}).
 */
public interface GemmKernel {
    void block(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
               int rowFrom, int rowTo, int colFrom, int colTo, int k, int n);
}
