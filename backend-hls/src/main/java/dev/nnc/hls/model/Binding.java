package dev.nnc.hls.model;

/** One port connection of an instance: {@code .port(signal)}. */
public record Binding(String port, String signal) {
}
