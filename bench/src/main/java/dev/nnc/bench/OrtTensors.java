package dev.nnc.bench;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Half;
import dev.nnc.ir.type.IntegerType;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * Converts nnc {@link Tensor}s to ONNX Runtime {@link OnnxTensor}s and back, element by element,
 * so ORT can judge the interpreter and serve as the benchmark baseline on the same data. Covers
 * f16, f32, f64, i8, u8, i16, i32, i64 and bool; anything else is refused with the type named
 * (strings and the remaining widths have no model here that needs them).
 */
public final class OrtTensors {
    private OrtTensors() {
    }

    /** A new ORT tensor holding {@code t}'s values; the caller closes it. */
    public static OnnxTensor toOrt(OrtEnvironment env, Tensor t) throws OrtException {
        long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
        ElementType type = t.elementType();
        int n = t.size();
        if (type == FloatType.F32) {
            FloatBuffer b = FloatBuffer.allocate(n);
            for (double v : t.doubles()) {
                b.put((float) v);
            }
            return OnnxTensor.createTensor(env, b.flip(), shape);
        }
        if (type == FloatType.F64) {
            return OnnxTensor.createTensor(env, DoubleBuffer.wrap(t.doubles().clone()), shape);
        }
        if (type == FloatType.F16) {
            ShortBuffer b = ShortBuffer.allocate(n);
            for (double v : t.doubles()) {
                b.put(Half.fromDouble(v));
            }
            return OnnxTensor.createTensor(env, b.flip(), shape, OnnxJavaType.FLOAT16);
        }
        long[] raw = t.longs();
        if (type.equals(IntegerType.I64)) {
            return OnnxTensor.createTensor(env, LongBuffer.wrap(raw.clone()), shape);
        }
        if (type.equals(IntegerType.I32)) {
            return OnnxTensor.createTensor(env, IntBuffer.wrap(Arrays.stream(raw).mapToInt(v -> (int) v).toArray()), shape);
        }
        if (type.equals(IntegerType.I16)) {
            ShortBuffer b = ShortBuffer.allocate(n);
            for (long v : raw) {
                b.put((short) v);
            }
            return OnnxTensor.createTensor(env, b.flip(), shape, OnnxJavaType.INT16);
        }
        OnnxJavaType byteType = type.equals(IntegerType.U8) ? OnnxJavaType.UINT8
                : type.equals(IntegerType.I8) ? OnnxJavaType.INT8 : type == BoolType.I1 ? OnnxJavaType.BOOL : null;
        if (byteType == null) {
            throw new IllegalArgumentException("no ONNX Runtime conversion for element type " + type.spelling());
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (long v : raw) {
            b.put((byte) v);
        }
        return OnnxTensor.createTensor(env, b.flip(), shape, byteType);
    }

    /** An nnc tensor with the values of ORT tensor {@code o} (which stays open). */
    public static Tensor fromOrt(OnnxTensor o) {
        int[] shape = Arrays.stream(o.getInfo().getShape()).mapToInt(Math::toIntExact).toArray();
        OnnxJavaType type = o.getInfo().type;
        switch (type) {
            case FLOAT: {
                FloatBuffer b = o.getFloatBuffer();
                double[] d = new double[b.remaining()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = b.get(i);
                }
                return Tensor.ofDoubles(FloatType.F32, shape, d);
            }
            case DOUBLE: {
                DoubleBuffer b = o.getDoubleBuffer();
                double[] d = new double[b.remaining()];
                b.get(d);
                return Tensor.ofDoubles(FloatType.F64, shape, d);
            }
            case FLOAT16: {
                ShortBuffer b = o.getShortBuffer();
                double[] d = new double[b.remaining()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = Half.toDouble(b.get(i));
                }
                return Tensor.ofDoubles(FloatType.F16, shape, d);
            }
            case INT64: {
                LongBuffer b = o.getLongBuffer();
                long[] l = new long[b.remaining()];
                b.get(l);
                return Tensor.ofLongs(IntegerType.I64, shape, l);
            }
            case INT32: {
                IntBuffer b = o.getIntBuffer();
                return Tensor.ofLongs(IntegerType.I32, shape, longs(b.remaining(), b::get));
            }
            case INT16: {
                ShortBuffer b = o.getShortBuffer();
                return Tensor.ofLongs(IntegerType.I16, shape, longs(b.remaining(), b::get));
            }
            case INT8:
            case UINT8:
            case BOOL: {
                ByteBuffer b = o.getByteBuffer();
                ElementType et = type == OnnxJavaType.INT8 ? IntegerType.I8 : type == OnnxJavaType.UINT8 ? IntegerType.U8 : BoolType.I1;
                // ofLongs wraps to the width, so the signed byte -1 becomes u8 255.
                return Tensor.ofLongs(et, shape, longs(b.remaining(), b::get));
            }
            default:
                throw new IllegalArgumentException("no nnc conversion for ONNX Runtime type " + type);
        }
    }

    private static long[] longs(int n, java.util.function.IntToLongFunction at) {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = at.applyAsLong(i);
        }
        return l;
    }
}
