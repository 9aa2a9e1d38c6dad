package dev.nnc.hls.model;

/**
 * A stream port of the top module: three signals {@code <base>_valid}, {@code <base>_ready},
 * {@code <base>_data[msb:0]}. Laid out by the template named after the record ({@code InputPort}
 * or {@code OutputPort}).
 */
public sealed interface Port permits Port.InputPort, Port.OutputPort {
    String base();

    /** A stream entering the design (a {@code hw.source}); the design drives only its ready. */
    record InputPort(String base, int msb, String comment) implements Port {
    }

    /** A stream leaving the design (a {@code hw.sink}); the design drives its valid and data. */
    record OutputPort(String base, int msb, String comment) implements Port {
    }
}
