package dev.nnc.ir.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link FixedCast} against {@link FixedModel}: exhaustive over small types, random over wide ones. */
class FixedCastPropertyTest {
    /** Every type of width 1..6 with integer bits −1, 2 or 5 (so fractions negative, zero and positive), both signs. */
    static List<FixedType> smallTypes() {
        List<FixedType> out = new ArrayList<>();
        for (int w = 1; w <= 6; w++) {
            for (int i : new int[] {-1, 2, 5, 8}) {
                out.add(new FixedType(w, i, true));
                out.add(new FixedType(w, i, false));
            }
        }
        return out;
    }

    static long[] allRaws(FixedType t) {
        int n = 1 << t.width();
        long[] r = new long[n];
        long min = t.signed() ? -(n / 2) : 0;
        for (int k = 0; k < n; k++) {
            r[k] = min + k;
        }
        return r;
    }

    static List<CastMode> allModes() {
        List<CastMode> out = new ArrayList<>();
        for (Rounding r : Rounding.values()) {
            for (Overflow o : Overflow.values()) {
                out.add(new CastMode(r, o));
            }
        }
        return out;
    }

    @Example
    void castIsExhaustivelyTheModelOnSmallTypes() {
        List<FixedType> types = smallTypes();
        List<CastMode> modes = allModes();
        long checked = 0;
        for (FixedType from : types) {
            long[] raws = allRaws(from);
            for (FixedType to : types) {
                for (CastMode m : modes) {
                    for (long raw : raws) {
                        long want = FixedModel.cast(FixedModel.value(raw, from), to, m);
                        long got = FixedCast.cast(raw, from, to, m);
                        if (want != got) {
                            assertEquals(want, got, from + " raw " + raw + " -> " + to + " " + m);
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(true, checked > 1_000_000, "checked " + checked);
    }

    @Provide
    Arbitrary<FixedType> wideTypes() {
        return Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(-70, 134),
                Arbitraries.of(true, false)).as((w, i, s) -> new FixedType(w, i - 64 + w / 2, s));
    }

    @Provide
    Arbitrary<CastMode> modes() {
        return Arbitraries.of(allModes());
    }

    /** A stored raw of t: random bits wrapped to the width (every raw of t is reachable). */
    static long stored(long bits, FixedType t) {
        return Overflow.wrap(bits, t);
    }

    @Property(tries = 3000)
    void castIsTheModelOnWideTypes(@ForAll("wideTypes") FixedType from, @ForAll("wideTypes") FixedType to,
                                   @ForAll("modes") CastMode m, @ForAll long bits) {
        checkCast(stored(bits, from), from, to, m);
    }

    @Property(tries = 3000)
    void castOfSmallRawsIsTheModelOnWideTypes(@ForAll("wideTypes") FixedType from, @ForAll("wideTypes") FixedType to,
                                              @ForAll("modes") CastMode m, @ForAll short bits) {
        checkCast(stored(bits, from), from, to, m);
    }

    private static void checkCast(long raw, FixedType from, FixedType to, CastMode m) {
        assertEquals(FixedModel.cast(FixedModel.value(raw, from), to, m), FixedCast.cast(raw, from, to, m),
                () -> from + " raw " + raw + " -> " + to + " " + m);
    }

    @Property(tries = 5000)
    void quantizeIsTheModel(@ForAll double v, @ForAll("wideTypes") FixedType to, @ForAll("modes") CastMode m) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return;
        }
        assertEquals(FixedModel.cast(new BigDecimal(v), to, m), FixedCast.quantize(v, to, m), () -> v + " -> " + to + " " + m);
    }

    @Example
    void quantizeIsExhaustivelyTheModelOnSmallTypes() {
        for (FixedType to : smallTypes()) {
            for (CastMode m : allModes()) {
                for (int k = -700; k <= 700; k++) {
                    double v = k / 64.0;
                    assertEquals(FixedModel.cast(new BigDecimal(v), to, m), FixedCast.quantize(v, to, m), v + " -> " + to + " " + m);
                }
            }
        }
    }

    @Property(tries = 2000)
    void toDoubleIsTheNearestDouble(@ForAll("wideTypes") FixedType t, @ForAll long bits) {
        long raw = stored(bits, t);
        double d = FixedCast.toDouble(raw, t);
        if (d != 0 && Math.abs(d) >= Double.MIN_NORMAL && !Double.isInfinite(d)) {
            assertEquals(FixedModel.value(raw, t).doubleValue(), d, 0.0, () -> t + " raw " + raw);
        }
    }
}
