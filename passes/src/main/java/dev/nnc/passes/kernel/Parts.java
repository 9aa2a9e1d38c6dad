package dev.nnc.passes.kernel;

/**
 * The hardware of one layer counted as parts (multipliers, memories, logic), mapped onto a device
 * by a few cost rules:
 * <ul>
 * <li>a multiplier of a·b ≤ 32 bit products is LUTs (a·b), a wider one DSP slices
 *     (⌈a/dsp_a⌉·⌈b/dsp_b⌉, the wider operand on the wider port); on an ASIC 6 GE per bit product;</li>
 * <li>a memory of at most 64 words or 2 Kbit is LUTRAM (⌈depth/64⌉·width LUTs), a larger one
 *     BRAM18 blocks in their best aspect ratio (16K×1 … 512×36); on an ASIC SRAM bits (or 6 GE a
 *     bit below 4 Kbit);</li>
 * <li>logic is counted in LUTs (adders: one LUT a bit); on an ASIC 8 GE a LUT.</li>
 * </ul>
 * Good to tens of percent, which is what choosing PE and SIMD needs.
 */
final class Parts {
    private static final int[][] BRAM18_SHAPES = {{1, 16384}, {2, 8192}, {4, 4096}, {9, 2048}, {18, 1024}, {36, 512}};
    private final Device device;
    private long dsp;
    private long bram18;
    private long lut;
    private long lutram;
    private long gates;
    private long sramBits;

    Parts(Device device) {
        this.device = device;
    }

    /** {@code count} multipliers of an a-bit by a b-bit operand. */
    Parts mult(long count, int a, int b) {
        if (count == 0 || a <= 1 || b <= 1) {
            return logic(count * Math.max(a, b));
        }
        if (device.asic()) {
            gates += count * a * b * 6L;
        } else if ((long) a * b <= 32) {
            lut += count * a * b;
        } else {
            int hi = Math.max(a, b);
            int lo = Math.min(a, b);
            dsp += count * ceil(hi, device.dspA()) * ceil(lo, device.dspB());
        }
        return this;
    }

    /** A memory of {@code depth} words of {@code width} bits. */
    Parts memory(long depth, long width) {
        if (depth == 0 || width == 0) {
            return this;
        }
        long bits = depth * width;
        if (device.asic()) {
            if (bits < 4096) {
                gates += bits * 6;
            } else {
                sramBits += bits;
            }
        } else if (depth <= 64 || bits <= 2048) {
            long l = ceil(depth, 64) * width;
            lut += l;
            lutram += l;
        } else {
            long best = Long.MAX_VALUE;
            for (int[] s : BRAM18_SHAPES) {
                best = Math.min(best, ceil(width, s[0]) * ceil(depth, s[1]));
            }
            bram18 += best;
        }
        return this;
    }

    /** Logic of about {@code luts} LUTs. */
    Parts logic(long luts) {
        if (device.asic()) {
            gates += luts * 8;
        } else {
            lut += luts;
        }
        return this;
    }

    Resources total() {
        return new Resources(dsp, bram18, lut, lutram, gates, sramBits);
    }

    static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
