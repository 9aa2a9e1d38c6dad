package dev.nnc.hls.model;

/** The three signals of one internal stream: {@code <base>_valid}, {@code _ready}, {@code _data[msb:0]}. */
public record Wire(String base, int msb, String comment) {
}
