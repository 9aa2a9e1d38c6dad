package dev.nnc.ir.type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor of {@link ElementType} with a shape; {@code dims == null} means the rank is unknown
 * (spelled {@code tensor<*xf32>}). A rank-0 tensor is a scalar ({@code tensor<f32>}).
 */
public record TensorType(ElementType elementType, List<Dim> dims) implements Type {
    public TensorType {
        dims = dims == null ? null : List.copyOf(dims);
    }

    public static TensorType of(ElementType elementType, long... shape) {
        List<Dim> d = new ArrayList<>(shape.length);
        for (long s : shape) {
            d.add(Dim.of(s));
        }
        return new TensorType(elementType, d);
    }

    public static TensorType of(ElementType elementType, int[] shape) {
        return of(elementType, Arrays.stream(shape).asLongStream().toArray());
    }

    public static TensorType unranked(ElementType elementType) {
        return new TensorType(elementType, null);
    }

    public boolean hasRank() {
        return dims != null;
    }

    public int rank() {
        if (dims == null) {
            throw new IllegalStateException("rank of unranked tensor type " + this);
        }
        return dims.size();
    }

    /** True when the rank and every dimension are known. */
    public boolean isStatic() {
        return dims != null && dims.stream().allMatch(d -> d instanceof Dim.Known);
    }

    /** The shape as ints; only for static types. */
    public int[] shape() {
        if (!isStatic()) {
            throw new IllegalStateException("shape of non-static tensor type " + this);
        }
        return dims.stream().mapToInt(d -> Math.toIntExact(((Dim.Known) d).size())).toArray();
    }

    /** Number of elements, or -1 when not static. */
    public long elementCount() {
        if (!isStatic()) {
            return -1;
        }
        long n = 1;
        for (Dim d : dims) {
            n = Math.multiplyExact(n, ((Dim.Known) d).size());
        }
        return n;
    }

    public TensorType withElementType(ElementType e) {
        return new TensorType(e, dims);
    }

    @Override
    public String toString() {
        return TypeSpelling.of(this);
    }
}
