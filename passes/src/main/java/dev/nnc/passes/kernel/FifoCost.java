package dev.nnc.passes.kernel;

/**
 * The resources of a stream FIFO ({@code nnc_fifo}: a head register and a memory of depth − 1
 * beats, two counters), by the same cost rules as the layers ({@link Parts}), so that the report's
 * totals include the buffers {@code size-fifos} adds.
 */
public final class FifoCost {
    private FifoCost() {
    }

    /** A FIFO of {@code depth} beats of {@code widthBits} bits on {@code device}. */
    public static Resources of(Device device, long depth, long widthBits) {
        long counterBits = 64 - Long.numberOfLeadingZeros(Math.max(1, depth));
        return new Parts(device)
                .memory(Math.max(0, depth - 1), widthBits)
                .logic(widthBits + 3 * counterBits)
                .total();
    }
}
