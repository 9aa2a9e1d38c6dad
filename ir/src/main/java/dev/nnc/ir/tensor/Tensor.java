package dev.nnc.ir.tensor;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;

/**
 * A dense tensor value with a static shape, in row-major order. Treated as immutable once built.
 *
 * <p>Storage is one of three arrays so every kernel is written at most three times: floats of any
 * width as {@code double[]} (always already rounded to the element type), integers, booleans and
 * fixed-point raw values as {@code long[]} (always wrapped to the width), strings as
 * {@code String[]}.
 */
public final class Tensor implements RuntimeValue {
    private final ElementType type;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;
    private final String[] strings;

    private Tensor(ElementType type, int[] shape, double[] d, long[] l, String[] s) {
        this.type = type;
        this.shape = shape.clone();
        this.doubles = d;
        this.longs = l;
        this.strings = s;
        long n = Shapes.size(shape);
        int len = d != null ? d.length : l != null ? l.length : s.length;
        if (n != len) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + len);
        }
    }

    /** A float tensor; values are rounded to {@code type} (which must be a {@link FloatType}). */
    public static Tensor ofDoubles(ElementType type, int[] shape, double[] values) {
        FloatType ft = (FloatType) type;
        if (ft != FloatType.F64) {
            for (int i = 0; i < values.length; i++) {
                values[i] = ft.round(values[i]);
            }
        }
        return new Tensor(type, shape, values, null, null);
    }

    /** An integer, boolean or fixed-point tensor; values are wrapped to the width. */
    public static Tensor ofLongs(ElementType type, int[] shape, long[] values) {
        if (type instanceof IntegerType it) {
            if (it.width() != 64) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = it.wrap(values[i]);
                }
            }
        } else if (type == BoolType.I1) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] != 0 ? 1 : 0;
            }
        } else if (!(type instanceof FixedType)) {
            throw new IllegalArgumentException("ofLongs with element type " + type.spelling());
        }
        return new Tensor(type, shape, null, values, null);
    }

    public static Tensor ofStrings(int[] shape, String[] values) {
        return new Tensor(StringType.STR, shape, null, null, values);
    }

    /** A tensor of zeros (empty strings) of the given type and shape. */
    public static Tensor zeros(ElementType type, int[] shape) {
        int n = Math.toIntExact(Shapes.size(shape));
        if (type.isFloat()) {
            return new Tensor(type, shape, new double[n], null, null);
        }
        if (type == StringType.STR) {
            String[] s = new String[n];
            Arrays.fill(s, "");
            return new Tensor(type, shape, null, null, s);
        }
        return new Tensor(type, shape, null, new long[n], null);
    }

    /** A scalar (rank 0) tensor. */
    public static Tensor scalar(ElementType type, double value) {
        if (type.isFloat()) {
            return ofDoubles(type, new int[0], new double[] {value});
        }
        return ofLongs(type, new int[0], new long[] {(long) value});
    }

    public ElementType elementType() {
        return type;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return doubles != null ? doubles.length : longs != null ? longs.length : strings.length;
    }

    public TensorType tensorType() {
        return TensorType.of(type, shape);
    }

    @Override
    public TensorType valueType() {
        return tensorType();
    }

    @Override
    public String kind() {
        return "a tensor";
    }

    public boolean isDoubles() {
        return doubles != null;
    }

    public boolean isLongs() {
        return longs != null;
    }

    public boolean isStrings() {
        return strings != null;
    }

    /** The backing array of a float tensor. Do not modify. */
    public double[] doubles() {
        if (doubles == null) {
            throw new IllegalStateException("not a float tensor: " + type.spelling());
        }
        return doubles;
    }

    /** The backing array of an integer/bool/fixed tensor. Do not modify. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("not an integer tensor: " + type.spelling());
        }
        return longs;
    }

    /** The backing array of a string tensor. Do not modify. */
    public String[] strings() {
        if (strings == null) {
            throw new IllegalStateException("not a string tensor");
        }
        return strings;
    }

    /** Element i as a double (u64 read unsigned, bool as 0/1, fixed as its real value). */
    public double getDouble(int i) {
        if (doubles != null) {
            return doubles[i];
        }
        if (longs != null) {
            long v = longs[i];
            if (type instanceof IntegerType it && !it.signed() && it.width() == 64 && v < 0) {
                return ((v >>> 1) | (v & 1)) * 2.0;
            }
            if (type instanceof FixedType ft) {
                return Math.scalb((double) v, -ft.fractionBits());
            }
            return v;
        }
        throw new IllegalStateException("string tensor has no numeric value");
    }

    /** Element i as a long (floats truncated toward zero). */
    public long getLong(int i) {
        if (longs != null) {
            return longs[i];
        }
        if (doubles != null) {
            return (long) doubles[i];
        }
        throw new IllegalStateException("string tensor has no numeric value");
    }

    /** All elements as doubles (a fresh array). */
    public double[] toDoubles() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /** All elements as longs (a fresh array). */
    public long[] toLongs() {
        if (longs != null) {
            return longs.clone();
        }
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** The same data with another shape of equal size. */
    public Tensor reshape(int[] newShape) {
        return new Tensor(type, newShape, doubles, longs, strings);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && type.equals(t.type) && Arrays.equals(shape, t.shape)
                && Arrays.equals(doubles, t.doubles) && Arrays.equals(longs, t.longs)
                && Arrays.equals(strings, t.strings);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + type.hashCode() + Arrays.hashCode(doubles) + Arrays.hashCode(longs);
    }

    @Override
    public String toString() {
        return "Tensor" + tensorType();
    }
}
