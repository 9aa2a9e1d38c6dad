package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Half;
import dev.nnc.ir.type.IntegerType;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Cast laws: floats survive a trip through their string form; integer casts are two's complement wraps. */
class CastProperties {
    private static Map<String, Attribute> to(ElementType t) {
        return Map.of("to", Attribute.of(OnnxDataType.code(t)));
    }

    private static void roundTripsThroughStrings(FloatType t, double[] values) {
        Tensor x = Tensor.ofDoubles(t, new int[] {values.length}, values.clone());
        Tensor s = OpHarness.run("Cast", to(dev.nnc.ir.type.StringType.STR), x);
        Tensor back = OpHarness.run("Cast", to(t), s);
        for (int i = 0; i < values.length; i++) {
            double want = x.doubles()[i];
            double got = back.doubles()[i];
            assertTrue(Double.isNaN(want) ? Double.isNaN(got) : Double.doubleToLongBits(want) == Double.doubleToLongBits(got),
                    t + " " + want + " printed as '" + s.strings()[i] + "' read back as " + got);
        }
    }

    @Property(tries = 60)
    void float32PrintsShortestDigitsThatReadBack(@ForAll @Size(40) int[] bits) {
        double[] v = new double[bits.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(bits[i]);
        }
        roundTripsThroughStrings(FloatType.F32, v);
    }

    @Property(tries = 60)
    void float64AndFloat16ReadBack(@ForAll @Size(40) long[] bits) {
        double[] d = new double[bits.length];
        double[] h = new double[bits.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.longBitsToDouble(bits[i]);
            h[i] = Half.toDouble((short) bits[i]);
        }
        roundTripsThroughStrings(FloatType.F64, d);
        roundTripsThroughStrings(FloatType.F16, h);
    }

    @Provide
    Arbitrary<IntegerType> ints() {
        return Arbitraries.of(List.of(IntegerType.I8, IntegerType.U8, IntegerType.I16, IntegerType.U16, IntegerType.I32,
                IntegerType.U32, IntegerType.I64, IntegerType.U64, new IntegerType(4, true), new IntegerType(4, false),
                new IntegerType(2, true), new IntegerType(2, false)));
    }

    @Property(tries = 80)
    void integerCastsWrap(@ForAll("ints") IntegerType from, @ForAll("ints") IntegerType target, @ForAll @Size(40) long[] raw) {
        Tensor x = Tensor.ofLongs(from, new int[] {raw.length}, raw.clone());
        long[] got = OpHarness.run("Cast", to(target), x).longs();
        for (int i = 0; i < got.length; i++) {
            assertEquals(target.wrap(x.longs()[i]), got[i], from + " -> " + target + " of " + x.longs()[i]);
        }
    }
}
