package dev.nnc.ir.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.type.FixedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Exact products and sums: the raw computed in the result type of {@link FixedRules} stands for
 * exactly the mathematical product/sum (checked in {@link FixedModel}) and lies in that type's range.
 */
class FixedRulesPropertyTest {
    private static boolean inRange(long stored, FixedType t) {
        return Overflow.wrap(stored, t) == stored;
    }

    @Example
    void productsAndSumsAreExactOnAllSmallPairs() {
        for (FixedType a : FixedCastPropertyTest.smallTypes()) {
            for (FixedType b : FixedCastPropertyTest.smallTypes()) {
                FixedType p = FixedRules.product(a, b);
                FixedType s = FixedRules.sum(a, b);
                FixedType d = FixedRules.difference(a, b);
                for (long x : FixedCastPropertyTest.allRaws(a)) {
                    for (long y : FixedCastPropertyTest.allRaws(b)) {
                        BigDecimal va = FixedModel.value(x, a);
                        BigDecimal vb = FixedModel.value(y, b);
                        long pr = x * y;
                        assertTrue(inRange(pr, p) && FixedModel.value(pr, p).compareTo(va.multiply(vb)) == 0, a + "*" + b);
                        long sr = FixedRules.align(x, a, s.fractionBits()) + FixedRules.align(y, b, s.fractionBits());
                        assertTrue(inRange(sr, s) && FixedModel.value(sr, s).compareTo(va.add(vb)) == 0, a + "+" + b);
                        long dr = FixedRules.align(x, a, d.fractionBits()) - FixedRules.align(y, b, d.fractionBits());
                        assertTrue(inRange(dr, d) && FixedModel.value(dr, d).compareTo(va.subtract(vb)) == 0, a + "-" + b);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<FixedType> types() {
        return Combinators.combine(Arbitraries.integers().between(1, 32), Arbitraries.integers().between(-20, 40),
                Arbitraries.of(true, false)).as(FixedType::new);
    }

    /** n worst-case terms (all the minimum, or all the maximum product) fit the dot accumulator. */
    @Property(tries = 2000)
    void dotAccumulatorNeverOverflows(@ForAll("types") FixedType a, @ForAll("types") FixedType b,
                                      @ForAll @IntRange(min = 1, max = 5000) int n) {
        FixedType acc;
        try {
            acc = FixedRules.dot(a, b, n);
        } catch (ArithmeticException e) {
            assertTrue(a.width() + b.width() + FixedRules.guardBits(n) > 64);
            return;
        }
        BigInteger[] ends = {Overflow.minRaw(a), Overflow.maxRaw(a)};
        BigInteger[] endsB = {Overflow.minRaw(b), Overflow.maxRaw(b)};
        for (BigInteger x : ends) {
            for (BigInteger y : endsB) {
                BigInteger total = x.multiply(y).multiply(BigInteger.valueOf(n));
                assertTrue(total.compareTo(Overflow.minRaw(acc)) >= 0 && total.compareTo(Overflow.maxRaw(acc)) <= 0,
                        () -> n + " x " + a + "*" + b + " in " + acc);
            }
        }
    }

    @Example
    void widthsFollowTheDocumentedRule() {
        FixedType a = new FixedType(16, 6, true);
        assertEquals(new FixedType(32, 12, true), FixedRules.product(a, a));
        assertEquals(new FixedType(17, 7, true), FixedRules.sum(a, a));
        // ufixed<8,1> counts 2 integer bits in a signed sum: I = max(2, 1) + 1 = 3, F = max(7, 11) = 11
        assertEquals(new FixedType(14, 3, true), FixedRules.sum(new FixedType(8, 1, false), new FixedType(12, 1, true)));
        assertEquals(new FixedType(42, 22, true), FixedRules.dot(a, a, 1000));
        assertEquals(0, FixedRules.guardBits(1));
        assertEquals(4, FixedRules.guardBits(16));
        assertEquals(5, FixedRules.guardBits(17));
        assertThrows(ArithmeticException.class, () -> FixedRules.product(new FixedType(40, 1, true), new FixedType(30, 6, true)));
    }
}
