package dev.nnc.ir.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The chosen format holds both ends of the range, and one integer bit fewer does not. */
class FixedFormatsPropertyTest {
    private static boolean holds(double v, FixedType t) {
        CastMode sat = CastMode.DEFAULT;
        CastMode wrap = new CastMode(sat.rounding(), Overflow.WRAP);
        return FixedModel.cast(new BigDecimal(v), t, sat) == FixedModel.cast(new BigDecimal(v), t, wrap);
    }

    @Property(tries = 2000)
    void smallestIntegerBitsThatHold(@ForAll @DoubleRange(min = -1000, max = 1000) double a,
                                     @ForAll @DoubleRange(min = -1000, max = 1000) double b,
                                     @ForAll @IntRange(min = 2, max = 32) int width) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        FixedType t = FixedFormats.forRange(lo, hi, width, true);
        assertEquals(true, holds(lo, t) && holds(hi, t), t + " for [" + lo + ", " + hi + "]");
        if (lo == 0 && hi == 0) {
            return; // every format holds zero; the rule picks I = 1
        }
        FixedType tighter = new FixedType(width, t.intBits() - 1, true);
        assertEquals(false, holds(lo, tighter) && holds(hi, tighter), tighter + " also holds [" + lo + ", " + hi + "]");
    }

    @Example
    void byHand() {
        assertEquals(new FixedType(16, 4, true), FixedFormats.forRange(-3.2, 5.9, 16, true));
        assertEquals(new FixedType(8, 1, false), FixedFormats.forRange(0, 1.0, 8, false));
        assertEquals(new FixedType(8, 1, true), FixedFormats.forRange(-1, 0.99, 8, true));
        assertEquals(new FixedType(8, 0, true), FixedFormats.forRange(-0.5, 0.25, 8, true));
        assertNotEquals(null, FixedFormats.forRange(0, 0, 8, true));
        assertThrows(IllegalArgumentException.class, () -> FixedFormats.forRange(-1, 1, 8, false));
    }
}
