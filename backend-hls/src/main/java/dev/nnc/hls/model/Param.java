package dev.nnc.hls.model;

/** One parameter override of an instance: {@code .name(value)}, value a Verilog literal. */
public record Param(String name, String value) {
}
