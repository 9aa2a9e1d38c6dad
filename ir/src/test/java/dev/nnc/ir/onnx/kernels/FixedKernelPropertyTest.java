package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * ONNX kernels on fixed-point tensors against exact decimal arithmetic followed by the documented
 * default cast (round half to even, saturate) to the declared result type.
 */
class FixedKernelPropertyTest {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    static BigDecimal value(long raw, FixedType t) {
        BigDecimal step = t.fractionBits() >= 0 ? BigDecimal.ONE.divide(TWO.pow(t.fractionBits())) : TWO.pow(-t.fractionBits());
        return new BigDecimal(raw).multiply(step);
    }

    /** The default cast, coded independently: to a multiple of the step by HALF_EVEN, then clamp. */
    static long castDefault(BigDecimal v, FixedType t) {
        BigDecimal scaled = v.divide(value(1, t));
        BigInteger r = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigInteger max = Overflow.maxRaw(t);
        BigInteger min = Overflow.minRaw(t);
        return r.max(min).min(max).longValue();
    }

    static List<Tensor> run(String op, List<Tensor> inputs, TensorType result, Map<String, dev.nnc.ir.attr.Attribute> attrs) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(13);
        FuncOp f = FuncOp.create(m, "main");
        List<Value> operands = new ArrayList<>();
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            operands.add(f.addInput("x" + i, inputs.get(i).tensorType()));
            in.put("x" + i, inputs.get(i));
        }
        Operation o = f.body().append(Operation.create("onnx." + op, operands, List.of(result), attrs, Location.named("n")));
        f.setOutputs(o.results(), List.of("y"));
        return new ArrayList<>(new Interpreter().run(m, in).values());
    }

    static long[] allRaws(FixedType t) {
        int n = 1 << t.width();
        long[] r = new long[n];
        for (int k = 0; k < n; k++) {
            r[k] = (t.signed() ? -(n / 2) : 0) + k;
        }
        return r;
    }

    static List<FixedType> small() {
        List<FixedType> out = new ArrayList<>();
        for (int w = 1; w <= 4; w++) {
            for (int i : new int[] {-1, 2, 5}) {
                out.add(new FixedType(w, i, true));
                out.add(new FixedType(w, i, false));
            }
        }
        return out;
    }

    /** Every pair of small types, every pair of raws (one broadcast op per type pair), three declared result types. */
    @Example
    void binaryOpsAreExhaustivelyExactThenCast() {
        List<FixedType> declared = List.of(new FixedType(4, 2, true), new FixedType(3, 0, false), new FixedType(12, 6, true));
        Map<String, BinaryOperator<BigDecimal>> ops = Map.of("Add", BigDecimal::add, "Sub", BigDecimal::subtract, "Mul", BigDecimal::multiply);
        for (FixedType a : small()) {
            long[] ra = allRaws(a);
            Tensor ta = Tensor.ofLongs(a, new int[] {ra.length, 1}, ra.clone());
            for (FixedType b : small()) {
                long[] rb = allRaws(b);
                Tensor tb = Tensor.ofLongs(b, new int[] {1, rb.length}, rb.clone());
                for (FixedType d : declared) {
                    for (Map.Entry<String, BinaryOperator<BigDecimal>> op : ops.entrySet()) {
                        long[] got = run(op.getKey(), List.of(ta, tb), TensorType.of(d, ra.length, rb.length), Map.of()).get(0).longs();
                        for (int i = 0; i < ra.length; i++) {
                            for (int j = 0; j < rb.length; j++) {
                                long want = castDefault(op.getValue().apply(value(ra[i], a), value(rb[j], b)), d);
                                assertEquals(want, got[i * rb.length + j], a + " " + op.getKey() + " " + b + " -> " + d);
                            }
                        }
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<FixedType> types() {
        return Combinators.combine(Arbitraries.integers().between(2, 24), Arbitraries.integers().between(-8, 30),
                Arbitraries.of(true, false)).as(FixedType::new);
    }

    /** MatMul and Gemm (with bias) accumulate exactly, then cast once; the exact type leaves the sum untouched. */
    @Property(tries = 300)
    void matmulAndGemmAreExactDotProducts(@ForAll("types") FixedType a, @ForAll("types") FixedType b, @ForAll("types") FixedType c,
                                          @ForAll("types") FixedType out, @ForAll @IntRange(min = 1, max = 40) int k,
                                          @ForAll long seed) {
        Random rnd = new Random(seed);
        int m = 2;
        int n = 3;
        long[] la = randomRaws(rnd, a, m * k);
        long[] lb = randomRaws(rnd, b, k * n);
        long[] lc = randomRaws(rnd, c, n);
        Tensor ta = Tensor.ofLongs(a, new int[] {m, k}, la);
        Tensor tb = Tensor.ofLongs(b, new int[] {k, n}, lb);
        Tensor tc = Tensor.ofLongs(c, new int[] {n}, lc);
        long[] mm = run("MatMul", List.of(ta, tb), TensorType.of(out, m, n), Map.of()).get(0).longs();
        FixedType exact = FixedRules.dot(a, b, k);
        boolean gemmFits = exact.width() + Math.abs(exact.fractionBits() - c.fractionBits()) + Math.abs(exact.intBits() - c.intBits()) < 60;
        long[] gemm = gemmFits ? run("Gemm", List.of(ta, tb, tc), TensorType.of(out, m, n), Map.of()).get(0).longs() : null;
        long[] exactMm = run("MatMul", List.of(ta, tb), TensorType.of(exact, m, n), Map.of()).get(0).longs();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int q = 0; q < k; q++) {
                    s = s.add(value(la[i * k + q], a).multiply(value(lb[q * n + j], b)));
                }
                assertEquals(castDefault(s, out), mm[i * n + j]);
                if (gemm != null) {
                    assertEquals(castDefault(s.add(value(lc[j], c)), out), gemm[i * n + j]);
                }
                assertEquals(0, value(exactMm[i * n + j], exact).compareTo(s));
            }
        }
    }

    static long[] randomRaws(Random rnd, FixedType t, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = Overflow.wrap(rnd.nextLong(), t);
        }
        return r;
    }

    /** Conv with padding, stride, dilation and groups against a direct decimal loop. */
    @Property(tries = 100)
    void convIsAnExactDotProduct(@ForAll("types") FixedType a, @ForAll("types") FixedType b, @ForAll("types") FixedType out,
                                 @ForAll @IntRange(min = 1, max = 2) int group, @ForAll @IntRange(min = 1, max = 2) int stride,
                                 @ForAll @IntRange(min = 0, max = 1) int pad, @ForAll long seed) {
        Random rnd = new Random(seed);
        int c = 2 * group;
        int mOut = 2 * group;
        int h = 5;
        long[] lx = randomRaws(rnd, a, c * h * h);
        long[] lw = randomRaws(rnd, b, mOut * 2 * 3 * 3);
        int o = (h + 2 * pad - 3) / stride + 1;
        Map<String, dev.nnc.ir.attr.Attribute> attrs = Map.of("group", dev.nnc.ir.attr.Attribute.of(group),
                "strides", dev.nnc.ir.attr.Attribute.ints(stride, stride), "pads", dev.nnc.ir.attr.Attribute.ints(pad, pad, pad, pad));
        long[] got = run("Conv", List.of(Tensor.ofLongs(a, new int[] {1, c, h, h}, lx), Tensor.ofLongs(b, new int[] {mOut, 2, 3, 3}, lw)),
                TensorType.of(out, 1, mOut, o, o), attrs).get(0).longs();
        long[] want = new long[got.length];
        for (int m = 0; m < mOut; m++) {
            int c0 = (m / 2) * 2;
            for (int y = 0; y < o; y++) {
                for (int x = 0; x < o; x++) {
                    BigDecimal s = BigDecimal.ZERO;
                    for (int ci = 0; ci < 2; ci++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = y * stride - pad + ky;
                                int ix = x * stride - pad + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < h) {
                                    s = s.add(value(lx[((c0 + ci) * h + iy) * h + ix], a).multiply(value(lw[((m * 2 + ci) * 3 + ky) * 3 + kx], b)));
                                }
                            }
                        }
                    }
                    want[(m * o + y) * o + x] = castDefault(s, out);
                }
            }
        }
        assertArrayEquals(want, got);
    }

    @Example
    void reluAndMaxPoolKeepRaws() {
        FixedType t = new FixedType(6, 2, true);
        Tensor x = Tensor.ofLongs(t, new int[] {1, 1, 2, 3}, new long[] {-5, 7, -32, 31, 0, -1});
        assertArrayEquals(new long[] {0, 7, 0, 31, 0, 0}, run("Relu", List.of(x), x.tensorType(), Map.of()).get(0).longs());
        Map<String, dev.nnc.ir.attr.Attribute> pool = Map.of("kernel_shape", dev.nnc.ir.attr.Attribute.ints(2, 2),
                "pads", dev.nnc.ir.attr.Attribute.ints(0, 0, 0, 1));
        assertArrayEquals(new long[] {31, 7, -1},
                run("MaxPool", List.of(x), TensorType.of(t, 1, 1, 1, 3), pool).get(0).longs());
        assertEquals(CastMode.DEFAULT, new CastMode(dev.nnc.ir.fixed.Rounding.RND_CONV, Overflow.SAT));
    }
}
