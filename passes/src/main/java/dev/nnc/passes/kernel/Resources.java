package dev.nnc.passes.kernel;

/**
 * Hardware resources: on an FPGA DSP slices, BRAM18 blocks, LUTs (including those used as
 * LUTRAM) and LUTRAM LUTs; on an ASIC gate equivalents (NAND2) and SRAM bits. An estimate fills
 * the fields of its device's kind and leaves the others 0.
 */
public record Resources(long dsp, long bram18, long lut, long lutram, long gates, long sramBits) {
    public static final Resources NONE = new Resources(0, 0, 0, 0, 0, 0);

    public Resources plus(Resources o) {
        return new Resources(dsp + o.dsp, bram18 + o.bram18, lut + o.lut, lutram + o.lutram, gates + o.gates, sramBits + o.sramBits);
    }

    /** True when every field is within {@code fraction} of the capacity's (fields with capacity 0 are not budgeted). */
    public boolean fits(Resources capacity, double fraction) {
        return within(dsp, capacity.dsp, fraction) && within(bram18, capacity.bram18, fraction)
                && within(lut, capacity.lut, fraction) && within(lutram, capacity.lutram, fraction)
                && within(gates, capacity.gates, fraction) && within(sramBits, capacity.sramBits, fraction);
    }

    private static boolean within(long used, long cap, double fraction) {
        return cap == 0 || used <= cap * fraction;
    }
}
