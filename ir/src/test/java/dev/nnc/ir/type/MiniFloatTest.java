package dev.nnc.ir.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code of every small float format, the rounding between every pair of neighbours, and the overflow rules. */
class MiniFloatTest {
    static Stream<FloatType> miniTypes() {
        return Stream.of(FloatType.values()).filter(t -> t.mini() != null);
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(0, Double.compare(expected, actual), what + ": expected " + expected + " got " + actual);
    }

    @ParameterizedTest
    @MethodSource("miniTypes")
    void everyCodeRoundTrips(FloatType t) {
        int codes = 1 << t.bitWidth();
        int nans = 0;
        for (int c = 0; c < codes; c++) {
            double v = t.fromBits(c);
            if (Double.isNaN(v)) {
                nans++;
                assertTrue(Double.isNaN(t.fromBits(t.toBits(v))), t + " NaN code " + c);
                continue;
            }
            assertEquals(c, t.toBits(v), t + " code " + c + " = " + v);
            same(v, t.round(v), t + " round of code " + c);
            same(Double.isInfinite(v) ? Math.copySign(t.maxFinite(), v) : v, t.roundSaturating(v), t + " saturating round of code " + c);
        }
        int expected = switch (t) {
            case F8E4M3FN -> 2;
            case F8E5M2 -> 6;
            case F8E4M3FNUZ, F8E5M2FNUZ, F8E8M0FNU -> 1;
            default -> 0;
        };
        assertEquals(expected, nans, t + " NaN codes");
    }

    @Test
    void knownValues() {
        same(448, FloatType.F8E4M3FN.maxFinite(), "e4m3fn max");
        same(0x1p-9, FloatType.F8E4M3FN.fromBits(0x01), "e4m3fn smallest subnormal");
        same(-0.0, FloatType.F8E4M3FN.fromBits(0x80), "e4m3fn -0");
        same(240, FloatType.F8E4M3FNUZ.maxFinite(), "e4m3fnuz max");
        same(0x1p-10, FloatType.F8E4M3FNUZ.fromBits(0x01), "e4m3fnuz smallest subnormal");
        same(1.0, FloatType.F8E4M3FNUZ.fromBits(0x40), "e4m3fnuz one (bias 8)");
        same(57344, FloatType.F8E5M2.maxFinite(), "e5m2 max");
        same(Double.POSITIVE_INFINITY, FloatType.F8E5M2.fromBits(0x7C), "e5m2 inf");
        same(Double.NEGATIVE_INFINITY, FloatType.F8E5M2.fromBits(0xFC), "e5m2 -inf");
        same(0x1p-16, FloatType.F8E5M2.fromBits(0x01), "e5m2 smallest subnormal");
        same(57344, FloatType.F8E5M2FNUZ.maxFinite(), "e5m2fnuz max");
        same(0x1p-17, FloatType.F8E5M2FNUZ.fromBits(0x01), "e5m2fnuz smallest subnormal");
        double[] e2m1 = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
        for (int c = 0; c < 8; c++) {
            same(e2m1[c], FloatType.F4E2M1FN.fromBits(c), "e2m1 code " + c);
            same(-e2m1[c], FloatType.F4E2M1FN.fromBits(c | 8), "e2m1 code " + (c | 8));
        }
        same(1.0, FloatType.F8E8M0FNU.fromBits(0x7F), "e8m0 one");
        same(0x1p-127, FloatType.F8E8M0FNU.fromBits(0), "e8m0 smallest");
        same(0x1p127, FloatType.F8E8M0FNU.maxFinite(), "e8m0 max");
        assertEquals(0x7F, FloatType.F8E4M3FN.toBits(Double.NaN));
        assertEquals(0x80, FloatType.F8E4M3FNUZ.toBits(Double.NaN));
        assertEquals(0x7E, FloatType.F8E5M2.toBits(Double.NaN));
        assertEquals(0xFF, FloatType.F8E8M0FNU.toBits(Double.NaN));
        assertEquals(List.of(1, 8, 8, 8, 8, 8), Stream.of(FloatType.F4E2M1FN, FloatType.F8E4M3FN, FloatType.F8E4M3FNUZ,
                FloatType.F8E5M2, FloatType.F8E5M2FNUZ, FloatType.F8E8M0FNU).map(t -> t.byteSize() * 8 / (t.bitWidth() == 4 ? 8 : 1)).toList());
    }

    /** Between each two neighbouring finite values: the midpoint goes to the even code, anything off it to the nearer one. */
    @ParameterizedTest
    @MethodSource("miniTypes")
    void midpointsRoundToEven(FloatType t) {
        if (t == FloatType.F8E8M0FNU) {
            return; // powers of two round by round_mode, tested below
        }
        int half = 1 << (t.bitWidth() - 1);
        for (int sign : new int[] {0, half}) {
            for (int c = 0; c + 1 < half; c++) {
                // in the FNUZ formats the -0 pattern is NaN: the negative values start from +0
                double lo = Double.isNaN(t.fromBits(sign | c)) && c == 0 ? 0.0 : t.fromBits(sign | c);
                double hi = t.fromBits(sign | (c + 1));
                if (Double.isNaN(hi) || Double.isInfinite(hi)) {
                    continue;
                }
                double mid = (lo + hi) / 2;
                double even = (c & 1) == 0 ? lo : hi;
                same(even, t.round(mid), t + " midpoint of codes " + (sign | c) + "," + (sign | (c + 1)));
                same(lo, t.round(sign == 0 ? Math.nextDown(mid) : Math.nextUp(mid)), t + " just inside " + lo);
                same(hi, t.round(sign == 0 ? Math.nextUp(mid) : Math.nextDown(mid)), t + " just inside " + hi);
            }
        }
    }

    @Test
    void overflowWithoutSaturation() {
        same(448, FloatType.F8E4M3FN.round(464), "e4m3fn tie below the NaN code goes to 448 (even)");
        assertTrue(Double.isNaN(FloatType.F8E4M3FN.round(465)));
        assertTrue(Double.isNaN(FloatType.F8E4M3FN.round(Double.NEGATIVE_INFINITY)));
        assertEquals(0xFF, FloatType.F8E4M3FN.toBits(-1e6), "negative overflow keeps its sign in the NaN");
        assertTrue(Double.isNaN(FloatType.F8E4M3FNUZ.round(248)), "e4m3fnuz tie above 240 rounds up, out of range");
        same(240, FloatType.F8E4M3FNUZ.round(Math.nextDown(248.0)), "e4m3fnuz");
        same(Double.POSITIVE_INFINITY, FloatType.F8E5M2.round(61440), "e5m2 tie above max rounds to inf");
        same(57344, FloatType.F8E5M2.round(61439), "e5m2");
        same(Double.NEGATIVE_INFINITY, FloatType.F8E5M2.round(-1e9), "e5m2");
        assertTrue(Double.isNaN(FloatType.F8E5M2FNUZ.round(Double.POSITIVE_INFINITY)));
        same(0.0, FloatType.F8E4M3FNUZ.round(-0.0), "fnuz has no -0");
        same(0.0, FloatType.F8E5M2FNUZ.round(-1e-30), "fnuz underflow is +0");
        same(-0.0, FloatType.F8E4M3FN.round(-1e-30), "fn keeps -0");
        // float4 has neither infinity nor NaN: it always saturates, and NaN becomes the -0 pattern
        same(6, FloatType.F4E2M1FN.round(1e6), "e2m1");
        same(-6, FloatType.F4E2M1FN.round(Double.NEGATIVE_INFINITY), "e2m1");
        same(-0.0, FloatType.F4E2M1FN.round(Double.NaN), "e2m1 NaN");
        assertEquals(0x8, FloatType.F4E2M1FN.toBits(Double.NaN));
    }

    @Test
    void saturationClampsToTheLargestFiniteValue() {
        for (FloatType t : List.of(FloatType.F8E4M3FN, FloatType.F8E4M3FNUZ, FloatType.F8E5M2, FloatType.F8E5M2FNUZ, FloatType.F4E2M1FN)) {
            same(t.maxFinite(), t.roundSaturating(Double.POSITIVE_INFINITY), t + " inf");
            same(-t.maxFinite(), t.roundSaturating(-1e30), t + " -1e30");
            same(t.maxFinite(), t.roundSaturating(t.maxFinite() * 1.2), t + " just over");
        }
        assertTrue(Double.isNaN(FloatType.F8E4M3FNUZ.roundSaturating(Double.NaN)));
        same(65504, FloatType.F16.roundSaturating(1e9), "f16");
    }

    @Test
    void e8m0RoundsToPowersOfTwoByMode() {
        MiniFloat e = MiniFloat.E8M0FNU;
        MiniFloat.PowerRounding up = MiniFloat.PowerRounding.UP;
        MiniFloat.PowerRounding down = MiniFloat.PowerRounding.DOWN;
        MiniFloat.PowerRounding nearest = MiniFloat.PowerRounding.NEAREST;
        same(2, e.toPowerOfTwo(1.1, up, true), "up");
        same(0.125, e.toPowerOfTwo(0.124, up, true), "up");
        same(4, e.toPowerOfTwo(4, up, true), "exact");
        same(4, e.toPowerOfTwo(-4, up, true), "sign ignored");
        same(0x1p-127, e.toPowerOfTwo(0, up, true), "zero");
        same(1, e.toPowerOfTwo(1.99, down, true), "down");
        same(2, e.toPowerOfTwo(1.5, nearest, true), "nearest tie goes up");
        same(1, e.toPowerOfTwo(1.49, nearest, true), "nearest");
        same(0x1p127, e.toPowerOfTwo(Float.MAX_VALUE, up, true), "saturate");
        assertTrue(Double.isNaN(e.toPowerOfTwo(Float.MAX_VALUE, up, false)), "no saturate");
        same(0x1p127, e.toPowerOfTwo(Float.MAX_VALUE, down, false), "down never steps past");
        assertTrue(Double.isNaN(e.toPowerOfTwo(Double.POSITIVE_INFINITY, up, true)));
        assertTrue(Double.isNaN(e.toPowerOfTwo(Double.NaN, down, true)));
        same(2, FloatType.F8E8M0FNU.round(1.1), "round() is Cast's default: up");
        assertEquals(MiniFloat.PowerRounding.NEAREST, MiniFloat.PowerRounding.named("nearest"));
        assertEquals(null, MiniFloat.PowerRounding.named("even"));
    }
}
