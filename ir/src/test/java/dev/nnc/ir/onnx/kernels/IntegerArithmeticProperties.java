package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Integer kernels against exact {@link BigInteger} arithmetic reduced to the type's width, for
 * every width and signedness (u64 included): what "wraps like C" and "u64 is unsigned" mean.
 */
class IntegerArithmeticProperties {
    private static final List<IntegerType> TYPES = List.of(IntegerType.I8, IntegerType.U8, IntegerType.I16,
            IntegerType.U16, IntegerType.I32, IntegerType.U32, IntegerType.I64, IntegerType.U64,
            new IntegerType(4, true), new IntegerType(2, false));

    @Provide
    Arbitrary<IntegerType> types() {
        return Arbitraries.of(TYPES);
    }

    /** The mathematical value of a stored element. */
    private static BigInteger value(long stored, IntegerType t) {
        BigInteger v = BigInteger.valueOf(stored);
        return !t.signed() && t.width() == 64 && stored < 0 ? v.add(BigInteger.ONE.shiftLeft(64)) : v;
    }

    /** An exact result reduced to the type (two's complement wrap), as stored. */
    private static long wrap(BigInteger exact, IntegerType t) {
        BigInteger m = exact.mod(BigInteger.ONE.shiftLeft(t.width()));
        if (t.signed() && m.testBit(t.width() - 1)) {
            m = m.subtract(BigInteger.ONE.shiftLeft(t.width()));
        }
        return m.longValue();
    }

    private static Tensor tensor(IntegerType t, long[] raw) {
        return Tensor.ofLongs(t, new int[] {raw.length}, raw.clone());
    }

    private static void check(String op, Map<String, Attribute> attrs, IntegerType t, long[] a, long[] b,
                              BinaryOperator<BigInteger> exact) {
        Tensor ta = tensor(t, a);
        Tensor tb = tensor(t, b);
        long[] got = OpHarness.run(op, attrs, ta, tb).longs();
        for (int i = 0; i < got.length; i++) {
            BigInteger x = value(ta.longs()[i], t);
            BigInteger y = value(tb.longs()[i], t);
            BigInteger r = exact.apply(x, y);
            long want = r == null ? 0 : wrap(r, t);
            assertEquals(want, got[i], op + " " + t + " of " + x + ", " + y);
        }
    }

    @Property(tries = 40)
    void addSubMulWrap(@ForAll("types") IntegerType t, @ForAll @Size(50) long[] a, @ForAll @Size(50) long[] b) {
        check("Add", Map.of(), t, a, b, BigInteger::add);
        check("Sub", Map.of(), t, a, b, BigInteger::subtract);
        check("Mul", Map.of(), t, a, b, BigInteger::multiply);
    }

    @Property(tries = 40)
    void divTruncatesAndModFollowsTheDivisor(@ForAll("types") IntegerType t, @ForAll @Size(50) long[] a,
                                             @ForAll @Size(50) long[] b) {
        check("Div", Map.of(), t, a, b, (x, y) -> y.signum() == 0 ? null : x.divide(y));
        check("Mod", Map.of("fmod", Attribute.of(1)), t, a, b, (x, y) -> y.signum() == 0 ? null : x.remainder(y));
        check("Mod", Map.of(), t, a, b, (x, y) -> {
            if (y.signum() == 0) {
                return null;
            }
            BigInteger r = x.mod(y.abs());
            return y.signum() < 0 && r.signum() != 0 ? r.add(y) : r;
        });
    }

    @Property(tries = 40)
    void maxMinAndComparisonsUseTheMathematicalValue(@ForAll("types") IntegerType t, @ForAll @Size(50) long[] a,
                                                     @ForAll @Size(50) long[] b) {
        check("Max", Map.of(), t, a, b, BigInteger::max);
        check("Min", Map.of(), t, a, b, BigInteger::min);
        Tensor ta = tensor(t, a);
        Tensor tb = tensor(t, b);
        long[] less = OpHarness.run("Less", ta, tb).longs();
        for (int i = 0; i < less.length; i++) {
            boolean want = value(ta.longs()[i], t).compareTo(value(tb.longs()[i], t)) < 0;
            assertEquals(want ? 1 : 0, less[i]);
        }
    }

    @Property(tries = 40)
    void powWithSmallExponentsWraps(@ForAll("types") IntegerType t, @ForAll @Size(30) long[] a,
                                    @ForAll @Size(30) long[] e) {
        long[] small = new long[e.length];
        for (int i = 0; i < e.length; i++) {
            small[i] = Math.floorMod(e[i], 70);
        }
        IntegerType et = IntegerType.I64;
        Tensor ta = tensor(t, a);
        long[] got = OpHarness.run("Pow", ta, tensor(et, small)).longs();
        for (int i = 0; i < got.length; i++) {
            BigInteger want = value(ta.longs()[i], t).pow((int) small[i]);
            assertEquals(wrap(want, t), got[i]);
        }
    }
}
