package dev.nnc.passes;

import dev.nnc.passes.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The default pipelines {@code -O0}, {@code -O1} and {@code -O2}, by pass argument. A level's
 * pipeline is built from the passes the registry has; {@link #missing} lists the named ones it
 * lacks (a test requires that list to be empty for the standard registry).
 */
public final class OptLevels {
    public static final int MAX = 2;

    private OptLevels() {
    }

    /** The pass arguments of level {@code level} (0 to {@link #MAX}), in order. */
    public static List<String> arguments(int level) {
        switch (level) {
            case 0:
                return List.of();
            case 1:
                return List.of("canonicalize", "fold-constants", "dce");
            case 2:
                // shapes first so canonicalize sees static shapes; again after folding made more constant
                return List.of("shape-inference", "canonicalize", "fold-constants", "shape-inference", "canonicalize",
                        "fold-batchnorm", "fuse", "cancel-transposes", "cse", "canonicalize", "dce");
            default:
                throw new dev.nnc.ir.diag.NncException("-O" + level + ": no such optimization level (use -O0 to -O" + MAX + ")");
        }
    }

    /** The pipeline of {@code level} made of the passes {@code registry} has, in order. */
    public static Pipeline pipeline(int level, PassRegistry registry) {
        List<String> present = new ArrayList<>();
        for (String a : arguments(level)) {
            if (registry.contains(a)) {
                present.add(a);
            }
        }
        return Pipeline.of(registry, present);
    }

    /** The passes level {@code level} names that {@code registry} lacks. */
    public static List<String> missing(int level, PassRegistry registry) {
        return arguments(level).stream().filter(a -> !registry.contains(a)).distinct().toList();
    }
}
