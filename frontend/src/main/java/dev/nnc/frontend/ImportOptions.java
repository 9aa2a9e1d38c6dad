package dev.nnc.frontend;

import dev.nnc.ir.diag.NncException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to import a model: fixed shapes for some graph inputs (the CLI's
 * {@code --input-shape name=1x3x224x224}) and the largest tensor the importer will allocate.
 *
 * @param inputShapes graph input name to its static shape, overriding the model's declared shape
 * @param maxTensorBytes largest declared size (elements times element size) of one tensor
 */
public record ImportOptions(Map<String, int[]> inputShapes, long maxTensorBytes) {
    /** 2 GiB: the protobuf limit for a whole model file, so a larger tensor must be an error. */
    public static final long DEFAULT_MAX_TENSOR_BYTES = 2L << 30;

    public ImportOptions {
        Map<String, int[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((k, v) -> {
            if (Arrays.stream(v).anyMatch(d -> d < 0)) {
                throw new NncException("bad input shape for '" + k + "': negative dimension in " + Arrays.toString(v));
            }
            copy.put(k, v.clone());
        });
        inputShapes = java.util.Collections.unmodifiableMap(copy);
        if (maxTensorBytes <= 0) {
            throw new IllegalArgumentException("maxTensorBytes must be positive: " + maxTensorBytes);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), DEFAULT_MAX_TENSOR_BYTES);
    }

    /** These options plus a fixed shape for one input. */
    public ImportOptions withInputShape(String input, int[] shape) {
        Map<String, int[]> m = new LinkedHashMap<>(inputShapes);
        m.put(input, shape.clone());
        return new ImportOptions(m, maxTensorBytes);
    }

    /** These options plus a shape given as {@code name=1x3x224x224} ({@code name=} alone is a scalar). */
    public ImportOptions withInputShape(String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0) {
            throw new NncException("bad input shape '" + spec + "': expected name=DIMxDIM..., e.g. input=1x3x224x224");
        }
        String dims = spec.substring(eq + 1).strip();
        int[] shape;
        try {
            shape = dims.isEmpty() ? new int[0]
                    : Arrays.stream(dims.split("[x,]")).mapToInt(d -> Integer.parseInt(d.strip())).toArray();
        } catch (NumberFormatException e) {
            throw new NncException("bad input shape '" + spec + "': dimensions must be integers separated by 'x'");
        }
        return withInputShape(spec.substring(0, eq).strip(), shape);
    }

    public ImportOptions withMaxTensorBytes(long bytes) {
        return new ImportOptions(inputShapes, bytes);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ImportOptions other) || other.maxTensorBytes != maxTensorBytes
                || !other.inputShapes.keySet().equals(inputShapes.keySet())) {
            return false;
        }
        return inputShapes.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.inputShapes.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxTensorBytes) * 31 + inputShapes.keySet().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ImportOptions[inputShapes={");
        inputShapes.forEach((k, v) -> sb.append(k).append('=').append(Arrays.toString(v)).append(' '));
        return sb.append("}, maxTensorBytes=").append(maxTensorBytes).append(']').toString();
    }
}
