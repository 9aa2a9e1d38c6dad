package dev.nnc.ir.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Requantisation y = overflow(round(x·M·2^−s)) against the decimal model, and the choice of M and s. */
class RequantizerPropertyTest {
    @Provide
    Arbitrary<CastMode> modes() {
        return Arbitraries.of(FixedCastPropertyTest.allModes());
    }

    @Property(tries = 3000)
    void applyIsTheModel(@ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long m, @ForAll @IntRange(min = -20, max = 80) int s,
                         @ForAll int x, @ForAll("modes") CastMode mode) {
        FixedType in = new FixedType(32, 32, true);
        FixedType out = new FixedType(8, 8, true);
        Requantizer r = new Requantizer(m, s, mode);
        BigDecimal exact = BigDecimal.valueOf(x).multiply(BigDecimal.valueOf(m)).multiply(FixedModel.pow2(-s));
        assertEquals(FixedModel.overflow(FixedModel.round(exact, mode.rounding()), out, mode.overflow()), r.apply(x, in, out));
    }

    @Property(tries = 2000)
    void fromScaleIsClosestWithFullMultiplier(@ForAll @DoubleRange(min = 1, max = 2, maxIncluded = false) double mantissa,
                                              @ForAll @IntRange(min = -30, max = 20) int exponent,
                                              @ForAll @IntRange(min = 8, max = 31) int bits) {
        double scale = Math.scalb(mantissa, exponent);
        Requantizer r = Requantizer.fromScale(scale, bits, CastMode.DEFAULT);
        assertTrue(r.multiplier() >= 1L << (bits - 1) && r.multiplier() < 1L << bits, () -> "M = " + r.multiplier());
        assertTrue(Math.abs(r.scale() - scale) <= Math.scalb(scale, -bits), () -> r + " for " + scale);
    }

    @Example
    void handExample() {
        // scale 0.75 = 0.75·2^0 → M = 0.75·2^31 = 1610612736, s = 31; 5 · 0.75 = 3.75 → 4, −5 → −4, 3 · 0.75 = 2.25 → 2
        Requantizer r = Requantizer.fromScale(0.75);
        assertEquals(1610612736L, r.multiplier());
        assertEquals(31, r.shift());
        FixedType i8 = new FixedType(8, 8, true);
        assertEquals(4, r.apply(5, i8, i8));
        assertEquals(-4, r.apply(-5, i8, i8));
        assertEquals(2, r.apply(3, i8, i8));
        // 2.5 is a tie: half to even gives 2 under the default, 3 under RND
        Requantizer half = new Requantizer(1, 1, CastMode.DEFAULT);
        assertEquals(2, half.apply(5, i8, i8));
        assertEquals(3, new Requantizer(1, 1, new CastMode(Rounding.RND, Overflow.SAT)).apply(5, i8, i8));
        assertEquals(127, new Requantizer(3, 0, CastMode.DEFAULT).apply(100, i8, i8));
    }
}
