package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.type.FloatType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntegerToFloatTest {
    @Test
    void u64ToF32RoundsOnceLikeNumpy() {
        // 2^63 + 2^39 + 1: through double it rounds down to 2^63 + 2^39, then to even 2^63 in f32;
        // rounded once it is above the f32 midpoint 2^63 + 2^39 and goes up.
        long v = Long.MIN_VALUE + (1L << 39) + 1;
        assertEquals(9.223373e18f, (float) IntegerToFloat.convert(v, true, FloatType.F32));
    }

    @Test
    void matchesBigDecimalRoundingForRandomLongs() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long v = r.nextLong() >> r.nextInt(40);
            float expected = new BigDecimal(v).floatValue();
            assertEquals(expected, (float) IntegerToFloat.convert(v, false, FloatType.F32), "value " + v);
            BigInteger u = new BigInteger(Long.toUnsignedString(v));
            assertEquals(new BigDecimal(u).doubleValue(), IntegerToFloat.convert(v, true, FloatType.F64), "u64 " + v);
        }
    }

    @Test
    void smallIntegersAreExactAndLongMinValueIsMinusTwoToThe63() {
        assertEquals(-3.0, IntegerToFloat.convert(-3, false, FloatType.F16));
        assertEquals(-0x1p63, IntegerToFloat.convert(Long.MIN_VALUE, false, FloatType.F32));
        assertEquals(Double.POSITIVE_INFINITY, IntegerToFloat.convert(70_000, false, FloatType.F16));
    }
}
