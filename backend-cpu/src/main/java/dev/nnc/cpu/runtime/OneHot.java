package dev.nnc.cpu.runtime;

/**
 * ONNX {@code OneHot} over an [outer, depth, inner] output: {@code values[1]} where the index
 * (negative ones counted from depth) equals the position along the new axis, else {@code values[0]}.
 */
public final class OneHot {
    private OneHot() {
    }

    /** {@code depthArray} holds the depth the model gives, checked against the compiled {@code depth}. */
    public static void apply(Object indices, Object depthArray, Object values, Object y, int outer, int depth,
                             int inner) {
        double given = Elements.isFloat(depthArray) ? Elements.doubleAt(depthArray, 0) : Elements.longAt(depthArray, 0);
        if ((long) given != depth) {
            throw new ModelInputError("OneHot: depth " + (long) given + ", but the model was compiled for " + depth);
        }
        boolean floats = Elements.isFloat(indices);
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < depth; c++) {
                for (int i = 0; i < inner; i++) {
                    double raw = floats ? Elements.doubleAt(indices, o * inner + i) : Elements.longAt(indices, o * inner + i);
                    long hot = (long) (raw < 0 ? raw + depth : raw);
                    System.arraycopy(values, hot == c ? 1 : 0, y, (o * depth + c) * inner + i, 1);
                }
            }
        }
    }
}
