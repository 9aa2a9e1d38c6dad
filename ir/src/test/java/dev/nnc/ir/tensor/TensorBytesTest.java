package dev.nnc.ir.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.TensorBytes.Layout;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TensorBytesTest {
    private static List<ElementType> everyType() {
        List<ElementType> types = new ArrayList<>(List.of(FloatType.values()));
        for (int w : new int[] {2, 4, 8, 16, 32, 64}) {
            types.add(new IntegerType(w, true));
            types.add(new IntegerType(w, false));
        }
        types.add(BoolType.I1);
        types.add(new FixedType(12, 4, true));
        types.add(new FixedType(24, 8, false));
        types.add(new FixedType(7, 3, true));
        return types;
    }

    private static Tensor sample(ElementType type, int n, long seed) {
        Random r = new Random(seed);
        if (type instanceof FloatType ft) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = i == 0 ? -0.0 : (r.nextDouble() - 0.5) * Math.min(8, ft.maxFinite()) * 2;
            }
            return Tensor.ofDoubles(ft, new int[] {n}, d);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextLong();
            if (type instanceof FixedType fx) {
                l[i] = TensorBytes.signExtend(l[i], fx.width(), fx.signed());
            }
        }
        return Tensor.ofLongs(type, new int[] {n}, l);
    }

    /** What the element's bits are, independent of the codec. */
    private static long bitsOf(Tensor t, int i) {
        return t.isDoubles() ? ((FloatType) t.elementType()).toBits(t.doubles()[i]) : t.longs()[i];
    }

    @Test
    void everyTypeRoundTripsInBothOrdersAndLayouts() {
        for (ElementType type : everyType()) {
            for (int n : new int[] {0, 1, 7, 16}) {
                Tensor t = sample(type, n, type.hashCode() + n);
                for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    for (Layout layout : Layout.values()) {
                        byte[] b = TensorBytes.encode(t, order, layout);
                        assertEquals(TensorBytes.byteCount(type, n, layout), b.length, type + " " + layout);
                        ByteBuffer in = ByteBuffer.wrap(b).order(order);
                        assertEquals(t, TensorBytes.decode(type, new int[] {n}, n, in, layout), type + " " + order + " " + layout);
                        assertEquals(b.length, in.position(), "decode consumes exactly the bytes of " + type);
                    }
                }
            }
        }
    }

    @Test
    void alignedLayoutIsEachElementsBitsInByteSizeBytes() {
        for (ElementType type : everyType()) {
            Tensor t = sample(type, 5, 42);
            int w = type.byteSize();
            byte[] little = TensorBytes.encode(t, ByteOrder.LITTLE_ENDIAN, Layout.ALIGNED);
            byte[] big = TensorBytes.encode(t, ByteOrder.BIG_ENDIAN, Layout.ALIGNED);
            byte[] expectLittle = new byte[5 * w];
            byte[] expectBig = new byte[5 * w];
            for (int i = 0; i < 5; i++) {
                long v = bitsOf(t, i);
                for (int b = 0; b < w; b++) {
                    expectLittle[i * w + b] = (byte) (v >>> (8 * b));
                    expectBig[i * w + w - 1 - b] = (byte) (v >>> (8 * b));
                }
            }
            assertArrayEquals(expectLittle, little, type.spelling());
            assertArrayEquals(expectBig, big, type.spelling());
        }
    }

    @Test
    void packedLayoutSharesBytesFromTheLowBitsUp() {
        Tensor i4 = Tensor.ofLongs(new IntegerType(4, true), new int[] {3}, new long[] {1, -1, -8});
        assertArrayEquals(new byte[] {(byte) 0xF1, 0x08}, TensorBytes.encode(i4, ByteOrder.LITTLE_ENDIAN, Layout.PACKED));
        Tensor u2 = Tensor.ofLongs(new IntegerType(2, false), new int[] {5}, new long[] {1, 2, 3, 0, 3});
        assertArrayEquals(new byte[] {0x39, 0x03}, TensorBytes.encode(u2, ByteOrder.LITTLE_ENDIAN, Layout.PACKED));
        Tensor f4 = Tensor.ofDoubles(FloatType.F4E2M1FN, new int[] {2}, new double[] {1.0, -6.0});
        assertArrayEquals(new byte[] {(byte) 0xF2}, TensorBytes.encode(f4, ByteOrder.LITTLE_ENDIAN, Layout.PACKED));
        assertArrayEquals(new byte[] {0x02, 0x0F}, TensorBytes.encode(f4, ByteOrder.LITTLE_ENDIAN, Layout.ALIGNED));
    }

    @Test
    void ieeeFloatsMatchByteBuffer() {
        Tensor f32 = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1.5, Double.NaN});
        ByteBuffer ref = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(Float.NaN);
        assertArrayEquals(ref.array(), TensorBytes.encode(f32, ByteOrder.BIG_ENDIAN, Layout.PACKED));
        Tensor f64 = Tensor.ofDoubles(FloatType.F64, new int[] {1}, new double[] {-2.25});
        ByteBuffer ref64 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(-2.25);
        assertArrayEquals(ref64.array(), TensorBytes.encode(f64, ByteOrder.LITTLE_ENDIAN, Layout.ALIGNED));
    }

    @Test
    void decodeNormalisesBoolsAndSignExtendsNarrowTypes() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0, 2, (byte) 0xFF});
        assertArrayEquals(new long[] {0, 1, 1},
                TensorBytes.decode(BoolType.I1, new int[] {3}, 3, in, Layout.ALIGNED).longs());
        ByteBuffer fx = ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0x0F}).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new long[] {-1},
                TensorBytes.decode(new FixedType(12, 4, true), new int[] {1}, 1, fx, Layout.ALIGNED).longs());
        ByteBuffer u8 = ByteBuffer.wrap(new byte[] {(byte) 0xFE});
        assertArrayEquals(new long[] {254},
                TensorBytes.decode(IntegerType.U8, new int[] {1}, 1, u8, Layout.ALIGNED).longs());
    }
}
