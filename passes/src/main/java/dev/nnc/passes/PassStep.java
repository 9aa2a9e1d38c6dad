package dev.nnc.passes;

import dev.nnc.passes.pipeline.PipelineEntry;

/** Where a pass runs in its pipeline: {@code index} counts from 0 of {@code count} passes. */
public record PassStep(int index, int count, PipelineEntry entry) {
    /** The 1-based position, as in dump file names ({@code 03-fuse.nir}). */
    public int number() {
        return index + 1;
    }

    public String argument() {
        return entry.argument();
    }
}
