package dev.nnc.hls.report;

/**
 * Hardware resources as the fold pass estimates them: on an FPGA DSP slices, BRAM18 blocks, LUTs
 * (those used as LUTRAM included) and LUTRAM LUTs; on an ASIC gate equivalents (NAND2) and SRAM
 * bits. An estimate fills the fields of its device's kind and leaves the others 0.
 */
public record Resources(long dsp, long bram18, long lut, long lutram, long gates, long sramBits) {
    public static final Resources ZERO = new Resources(0, 0, 0, 0, 0, 0);

    public Resources plus(Resources o) {
        return new Resources(dsp + o.dsp, bram18 + o.bram18, lut + o.lut, lutram + o.lutram, gates + o.gates,
                sramBits + o.sramBits);
    }
}
