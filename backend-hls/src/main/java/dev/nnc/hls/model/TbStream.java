package dev.nnc.hls.model;

/**
 * One stream port as the testbench sees it: the DUT port base name, the data msb, the file the
 * beats come from (inputs, {@code input_<name>.hex}) or go to (outputs, {@code output_<name>.txt}),
 * and the beats of one frame.
 */
public record TbStream(String base, int msb, String file, long beatsPerFrame, String comment) {
}
