package dev.nnc.hls.model;

/** Connects an internal stream {@code stream} to the output port {@code port} (three assigns). */
public record SinkAssign(String port, String stream) {
}
