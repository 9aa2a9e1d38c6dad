package dev.nnc.passes;

import java.util.ArrayList;
import java.util.List;

/**
 * The list of the project's passes: adding a pass is one {@code add} line here (keep one line
 * per pass so branches merge cleanly). {@link PassRegistry#standard()} reads it.
 */
final class StandardPasses {
    private StandardPasses() {
    }

    static List<PassInfo<?>> all() {
        List<PassInfo<?>> passes = new ArrayList<>();
        // graph passes (onnx stage), e.g. passes.add(FoldConstants.INFO);
        return passes;
    }
}
