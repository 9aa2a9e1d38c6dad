package dev.nnc.cpu;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;

/**
 * The element types the CPU backend keeps in typed Java arrays, and the conversions between
 * those arrays and {@link Tensor}s: f32 as {@code float[]}, f64 as {@code double[]}, i64 as
 * {@code long[]}, i32 as {@code int[]}, bool as {@code boolean[]}.
 */
public enum Dtype {
    F32(FloatType.F32, "float"),
    F64(FloatType.F64, "double"),
    I64(IntegerType.I64, "long"),
    I32(IntegerType.I32, "int"),
    BOOL(BoolType.I1, "boolean"),
    /** Fixed-point raws that fit an int (signed W &lt;= 32, unsigned W &lt;= 31); the exact type lives in the IR. */
    FIXED_INT(null, "int"),
    /** Fixed-point raws of the wider types, as long (ufixed&lt;64&gt; uses all 64 bits). */
    FIXED_LONG(null, "long");

    private final ElementType elementType;
    private final String javaType;

    Dtype(ElementType elementType, String javaType) {
        this.elementType = elementType;
        this.javaType = javaType;
    }

    public ElementType elementType() {
        return elementType;
    }

    /** The Java element type of the arrays ({@code float}, {@code long}, ...). */
    public String javaType() {
        return javaType;
    }

    /** The class of the arrays ({@code float[].class}, ...). */
    public Class<?> arrayClass() {
        return switch (javaType) {
            case "float" -> float[].class;
            case "double" -> double[].class;
            case "long" -> long[].class;
            case "int" -> int[].class;
            default -> boolean[].class;
        };
    }

    /** The dtype of an element type, or null when the backend has no arrays for it. */
    public static Dtype of(ElementType t) {
        if (t instanceof FixedType f) {
            return fitsInt(f) ? FIXED_INT : FIXED_LONG;
        }
        for (Dtype d : values()) {
            if (t.equals(d.elementType)) {
                return d;
            }
        }
        return null;
    }

    /** True when every raw of {@code t} is an int, so int arithmetic holds it exactly. */
    public static boolean fitsInt(FixedType t) {
        return t.signed() ? t.width() <= 32 : t.width() <= 31;
    }

    /** The tensor's values as this dtype's array. */
    public Object toArray(Tensor t) {
        switch (this) {
            case F32: {
                double[] d = t.doubles();
                float[] f = new float[d.length];
                for (int i = 0; i < d.length; i++) {
                    f[i] = (float) d[i];
                }
                return f;
            }
            case F64:
                return t.doubles().clone();
            case I64:
            case FIXED_LONG:
                return t.longs().clone();
            case I32:
            case FIXED_INT: {
                long[] l = t.longs();
                int[] a = new int[l.length];
                for (int i = 0; i < l.length; i++) {
                    a[i] = (int) l[i];
                }
                return a;
            }
            default: {
                long[] l = t.longs();
                boolean[] b = new boolean[l.length];
                for (int i = 0; i < l.length; i++) {
                    b[i] = l[i] != 0;
                }
                return b;
            }
        }
    }

    /**
     * A tensor of element type {@code exact} (the IR type of the value: it names the fixed-point
     * type of the FIXED dtypes) holding a copy of the array of this dtype.
     */
    public Tensor toTensor(Object array, ElementType exact, int[] shape) {
        if (this == FIXED_LONG) {
            return Tensor.ofLongs(exact, shape, ((long[]) array).clone());
        }
        if (this == FIXED_INT) {
            int[] a = (int[]) array;
            long[] l = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                l[i] = a[i];
            }
            return Tensor.ofLongs(exact, shape, l);
        }
        return toTensor(array, shape);
    }

    /** A tensor of this dtype holding a copy of the array. */
    public Tensor toTensor(Object array, int[] shape) {
        if (elementType == null) {
            throw new IllegalStateException(this + " arrays need their fixed-point type to become a tensor");
        }
        switch (this) {
            case F32: {
                float[] f = (float[]) array;
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                return Tensor.ofDoubles(elementType, shape, d);
            }
            case F64:
                return Tensor.ofDoubles(elementType, shape, ((double[]) array).clone());
            case I64:
                return Tensor.ofLongs(elementType, shape, ((long[]) array).clone());
            case I32: {
                int[] a = (int[]) array;
                long[] l = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    l[i] = a[i];
                }
                return Tensor.ofLongs(elementType, shape, l);
            }
            default: {
                boolean[] b = (boolean[]) array;
                long[] l = new long[b.length];
                for (int i = 0; i < b.length; i++) {
                    l[i] = b[i] ? 1 : 0;
                }
                return Tensor.ofLongs(elementType, shape, l);
            }
        }
    }
}
