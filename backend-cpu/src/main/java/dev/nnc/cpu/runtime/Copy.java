package dev.nnc.cpu.runtime;

/**
 * Strided block copies: Concat writes each input as {@code outer} blocks of {@code block} floats,
 * one every {@code dstStride} elements of the output (any element type), starting at {@code dstOffset}.
 */
public final class Copy {
    private Copy() {
    }

    public static void blocks(Object src, Object dst, int outer, int block, int dstStride, int dstOffset) {
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, o * block, dst, dstOffset + o * dstStride, block);
        }
    }
}
