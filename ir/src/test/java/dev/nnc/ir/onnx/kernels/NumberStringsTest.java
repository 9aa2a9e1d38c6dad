package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.text.FloatFormat;
import dev.nnc.ir.type.FloatType;
import org.junit.jupiter.api.Test;

class NumberStringsTest {
    @Test
    void floatsPrintAsNumpyStr() {
        assertEquals("1.0", NumberStrings.formatFloat(1.0, FloatType.F64));
        assertEquals("0.001", NumberStrings.formatFloat(0.001, FloatType.F64));
        assertEquals("0.0001", NumberStrings.formatFloat(1e-4, FloatType.F64));
        assertEquals("1e-05", NumberStrings.formatFloat(1e-5, FloatType.F64));
        assertEquals("1.5e+16", NumberStrings.formatFloat(1.5e16, FloatType.F64));
        assertEquals("1234567890123456.0", NumberStrings.formatFloat(1234567890123456.0, FloatType.F64));
        assertEquals("-2.5", NumberStrings.formatFloat(-2.5, FloatType.F64));
        assertEquals("0.1", NumberStrings.formatFloat((float) 0.1, FloatType.F32));
        assertEquals("0.1", NumberStrings.formatFloat(FloatType.F16.round(0.1), FloatType.F16));
        assertEquals("3.4028235e+38", NumberStrings.formatFloat(Float.MAX_VALUE, FloatType.F32));
        assertEquals("-0.0", NumberStrings.formatFloat(-0.0, FloatType.F32));
        assertEquals("nan", NumberStrings.formatFloat(Double.NaN, FloatType.F32));
        assertEquals("-inf", NumberStrings.formatFloat(Double.NEGATIVE_INFINITY, FloatType.F32));
    }

    @Test
    void textAndCastShareTheShortestDigits() {
        assertEquals(new FloatFormat.Decimal(true, "125", -2), FloatFormat.shortest(-0.0125, FloatType.F64));
        assertEquals("-0.0125", FloatFormat.format(-0.0125, FloatType.F64));
        assertEquals(new FloatFormat.Decimal(false, "1", -5), FloatFormat.shortest(1e-5, FloatType.F64));
        assertEquals("1.0e-5", FloatFormat.format(1e-5, FloatType.F64));
        assertEquals("500.0", FloatFormat.positional("5", 2));
        assertEquals("12.5", FloatFormat.positional("125", 1));
    }
}
