package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.type.FloatType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Property tests (jqwik): the text round trip holds for random modules and every float. */
class RoundTripPropertyTest {
    @Property(tries = 150)
    void randomModulesRoundTrip(@ForAll long seed) {
        RoundTrip.check(new RandomIr(seed).module());
    }

    @Property(tries = 2000)
    void doublesPrintShortAndReadBackExactly(@ForAll double v) {
        String s = FloatFormat.format(v, FloatType.F64);
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(FloatFormat.parse(s, FloatType.F64)), s);
    }

    @Property(tries = 2000)
    void floatBitPatternsReadBackExactly(@ForAll int bits) {
        for (FloatType t : FloatType.values()) {
            double v = t.round(Float.intBitsToFloat(bits));
            String s = FloatFormat.format(v, t);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(FloatFormat.parse(s, t)), t + " " + s);
        }
    }
}
