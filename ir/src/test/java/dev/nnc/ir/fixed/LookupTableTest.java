package dev.nnc.ir.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The table index and contents rules, by hand and exhaustively against decimal arithmetic. */
class LookupTableTest {
    private static final FixedType IN = new FixedType(16, 6, true);
    private static final FixedType OUT = new FixedType(8, 1, true);

    @Test
    void standardSigmoidByHand() {
        LookupTable t = LookupTable.standard(LutFunction.SIGMOID, IN, OUT);
        assertEquals(1024, t.size());
        assertEquals(-6, t.stepExponent());
        // x = 0: (0 − (−8))/2^−6 = 512; bin midpoint 2^−7; sigmoid(2^−7)·2^7 = 64.25 → 64
        assertEquals(512, t.index(0));
        assertEquals(64, t.contents()[512]);
        assertEquals(0, t.index(-8 << 10));
        assertEquals(0, t.index(Short.MIN_VALUE));
        assertEquals(1023, t.index((8 << 10) - 1));
        assertEquals(1023, t.index(Short.MAX_VALUE));
        assertEquals(511, t.index(-1));
        // the last bin's midpoint 8 − 2^−7: sigmoid ≈ 0.99966 → 127.96 → 128, saturated to 127
        assertEquals(127, t.contents()[1023]);
    }

    @Test
    void indexIsFloorOfTheBinEverywhere() {
        for (LutFunction f : LutFunction.values()) {
            LookupTable t = new LookupTable(f, new FixedType(12, 5, true), new FixedType(16, 8, true), 6, f.defaultLo(), f.defaultHi(),
                    CastMode.DEFAULT);
            BigDecimal step = FixedModel.pow2(t.stepExponent());
            for (long raw = -2048; raw < 2048; raw++) {
                BigDecimal x = FixedModel.value(raw, t.input());
                BigInteger want = x.subtract(new BigDecimal(t.lo())).divide(step).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
                int clamped = want.max(BigInteger.ZERO).min(BigInteger.valueOf(t.size() - 1)).intValueExact();
                assertEquals(clamped, t.index(raw), f + " raw " + raw);
            }
        }
    }

    @Test
    void contentsAreTheMidpointValuesCast() {
        LookupTable t = new LookupTable(LutFunction.TANH, IN, new FixedType(10, 2, true), 4, -4, 4, CastMode.DEFAULT);
        long[] c = t.contents();
        for (int i = 0; i < 16; i++) {
            double mid = -4 + (i + 0.5) * 0.5;
            long want = FixedModel.cast(new BigDecimal(Math.tanh(mid)), t.output(), CastMode.DEFAULT);
            assertEquals(want, c[i], "entry " + i);
        }
        assertEquals(-256, c[0], "tanh(−3.75)·256 = −255.7 → −256");
    }

    @Test
    void badRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LookupTable(LutFunction.EXP, IN, OUT, 10, -8, 9, CastMode.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new LookupTable(LutFunction.EXP, IN, OUT, 20, -8, 8, CastMode.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new LookupTable(LutFunction.EXP, IN, OUT, 4, 0.0001, 16.0001, CastMode.DEFAULT));
    }
}
