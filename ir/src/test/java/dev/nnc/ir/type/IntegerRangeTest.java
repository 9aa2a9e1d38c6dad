package dev.nnc.ir.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntegerRangeTest {
    @Test
    void longRangesOfEveryWidth() {
        assertEquals(-8, new IntegerType(4, true).minLong());
        assertEquals(7, new IntegerType(4, true).maxLong());
        assertEquals(3, new IntegerType(2, false).maxLong());
        assertEquals(255, IntegerType.U8.maxLong());
        assertEquals(Long.MIN_VALUE, IntegerType.I64.minLong());
        assertEquals(Long.MAX_VALUE, IntegerType.I64.maxLong());
        assertEquals(0, IntegerType.U64.minLong());
        assertEquals(-1L, IntegerType.U64.maxLong());
        assertEquals(0xFFFFFFFFL, IntegerType.U32.maxLong());
    }

    @Test
    void doubleRangesAgreeWithTheLongOnes() {
        assertEquals(-Math.pow(2, 31), IntegerType.I32.minValue());
        assertEquals(Math.pow(2, 31) - 1, IntegerType.I32.maxValue());
        assertEquals(Math.pow(2, 64), IntegerType.U64.maxValue());
        assertEquals(Math.pow(2, 63), IntegerType.I64.maxValue());
        assertEquals(-Math.pow(2, 63), IntegerType.I64.minValue());
        assertEquals(0, IntegerType.U16.minValue());
    }

    @Test
    void unsignedHelpers() {
        assertTrue(Unsigned.isU64(IntegerType.U64));
        assertFalse(Unsigned.isU64(IntegerType.I64));
        assertFalse(Unsigned.isU64(FloatType.F64));
        assertEquals(Math.pow(2, 64), Unsigned.toDouble(-1L));
        assertEquals(0x1p63, Unsigned.toDouble(Long.MIN_VALUE));
        assertEquals(42.0, Unsigned.toDouble(42));
    }
}
