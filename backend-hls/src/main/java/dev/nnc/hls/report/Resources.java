package dev.nnc.hls.report;

/** DSP slices, block RAMs (in 18 Kb units) and LUTs: an estimate, a total, or a device's budget. */
public record Resources(long dsp, double bram, long lut) {
    public static final Resources ZERO = new Resources(0, 0, 0);

    public Resources plus(Resources o) {
        return new Resources(dsp + o.dsp, bram + o.bram, lut + o.lut);
    }
}
