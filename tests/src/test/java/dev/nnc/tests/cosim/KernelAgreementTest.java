package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.prim.AddInstance;
import dev.nnc.hls.prim.MvauInstance;
import dev.nnc.hls.prim.PoolInstance;
import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.fixed.Rounding;
import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.sim.Component;
import dev.nnc.sim.prim.AddModel;
import dev.nnc.sim.prim.MvauModel;
import dev.nnc.sim.prim.PoolModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The primitives' configs read from hw ops ({@code XConfig.from}) and run as cycle models give
 * exactly the kernel dialect's reference semantics for the same properties (the contract of
 * docs/hardware.md §2/§3), under random valid gaps and back-pressure. Model only: the models are
 * held to the RTL by the co-simulation tests.
 */
class KernelAgreementTest {

    private static Tensor random(Random r, FixedType t, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = MvauCosimTest.randomRaw(r, t);
        }
        return Tensor.ofLongs(t, shape, v);
    }

    /** The kernel op's reference result. */
    private static Tensor kernel(String name, List<Tensor> inputs, TensorType result, Map<String, Attribute> props) {
        Block b = new Block();
        List<Value> operands = new ArrayList<>();
        for (Tensor t : inputs) {
            operands.add(b.addArgument(t.tensorType(), null));
        }
        Operation op = Operation.create(name, operands, List.of(result), props, null);
        OpSpec spec = DialectRegistry.standard().lookup(name).orElseThrow();
        List<String> errors = new ArrayList<>();
        spec.verifier().verify(op, errors::add);
        assertTrue(errors.isEmpty(), errors.toString());
        return (Tensor) spec.semantics().evaluate(new EvalContext(op, spec, inputs, 13)).get(0);
    }

    /** The hw op of the same properties plus in_shape/out_shape, on streams of the given lanes. */
    private static Operation hw(String name, List<Tensor> inputs, int inLanes, TensorType result, int outLanes,
            Map<String, Attribute> props) {
        Block b = new Block();
        List<Value> operands = new ArrayList<>();
        for (Tensor t : inputs) {
            operands.add(b.addArgument(new StreamType(inLanes, t.elementType()), null));
        }
        Map<String, Attribute> p = new HashMap<>(props);
        p.put("in_shape", Attribute.ints(Arrays.stream(inputs.get(0).shape()).asLongStream().toArray()));
        p.put("out_shape", Attribute.ints(result.dims().stream().mapToLong(d -> ((Dim.Known) d).size()).toArray()));
        return Operation.create(name, operands, List.of(new StreamType(outLanes, result.elementType())), p, null);
    }

    private static List<long[]> beats(Tensor t, int lanes) {
        long[] v = t.longs();
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < v.length; i += lanes) {
            out.add(Arrays.copyOfRange(v, i, i + lanes));
        }
        return out;
    }

    private static void agree(PrimitiveInstance inst, Component model, List<Tensor> inputs, int inLanes,
            FixedType outType, Tensor expected, int outLanes) {
        PrimitiveCosim c = PrimitiveCosim.of(inst, model);
        for (Tensor t : inputs) {
            FixedType e = (FixedType) t.elementType();
            c.input(new StreamPort(inLanes, e.width(), e.signed()), beats(t, inLanes));
        }
        List<long[]> want = beats(expected, outLanes);
        c.output(new StreamPort(outLanes, outType.width(), outType.signed()), want.size());
        FifoCosimTest.assertBeatsEqual(want, c.seed(3).densities(0.7, 0.6).runModel().outputs().get(0));
    }

    private static Map<String, Attribute> mvauProps(Random r, int mw, int mh, FixedType x, FixedType w, FixedType acc,
            boolean perChannel, String activation, int simd, int pe, CastMode mode) {
        Map<String, Attribute> p = new HashMap<>();
        p.put("weights", new Attribute.DenseAttr(random(r, w, mh, mw)));
        // bias raws a few bits narrower than the accumulator, same fraction bits
        Tensor bias = random(r, new FixedType(acc.width() - 3, acc.intBits() - 3, true), mh);
        p.put("bias", new Attribute.DenseAttr(Tensor.ofLongs(acc, new int[] {mh}, bias.longs())));
        p.put("acc_type", new Attribute.TypeAttr(acc));
        int n = perChannel ? mh : 1;
        long[] ms = new long[n];
        long[] ss = new long[n];
        for (int i = 0; i < n; i++) {
            Requantizer q = Requantizer.fromScale(Math.scalb(0.5 + r.nextDouble(), -4 - r.nextInt(4)));
            ms[i] = q.multiplier();
            ss[i] = q.shift();
        }
        p.put("multipliers", Attribute.ints(ms));
        p.put("shifts", Attribute.ints(ss));
        p.put("rounding", Attribute.of(mode.rounding().name()));
        p.put("overflow", Attribute.of(mode.overflow().name()));
        p.put("activation", Attribute.of(activation));
        if (activation.equals("CLIP")) {
            p.put("clip_lo", Attribute.of(-20L));
            p.put("clip_hi", Attribute.of(50L));
        }
        p.put("simd", Attribute.of((long) simd));
        p.put("pe", Attribute.of((long) pe));
        return p;
    }

    private static void mvau(long seed, int nv, int mw, int mh, FixedType x, FixedType w, FixedType out, boolean perChannel,
            String activation, int simd, int pe, CastMode mode) {
        Random r = new Random(seed);
        FixedType acc = FixedRules.sum(FixedRules.dot(x, w, mw), new FixedType(8, 8 - x.fractionBits() - w.fractionBits(), true));
        Map<String, Attribute> props = mvauProps(r, mw, mh, x, w, acc, perChannel, activation, simd, pe, mode);
        Tensor in = random(r, x, nv, mw);
        TensorType rt = TensorType.of(out, nv, mh);
        Tensor expected = kernel("kernel.mvau", List.of(in), rt, props);
        MvauConfig cfg = MvauConfig.from(hw("hw.mvau", List.of(in), simd, rt, pe, props));
        agree(new MvauInstance(cfg), new MvauModel(cfg), List.of(in), simd, out, expected, pe);
    }

    @Test
    void mvauPerChannelClip() {
        mvau(1, 5, 12, 6, new FixedType(8, 3, true), new FixedType(8, 1, true), new FixedType(8, 4, true), true, "CLIP", 3, 2,
                CastMode.DEFAULT);
    }

    @Test
    void mvauPerTensorReluTruncateWrapUnsignedInput() {
        mvau(2, 4, 8, 4, new FixedType(6, 2, false), new FixedType(4, 0, true), new FixedType(6, 3, true), false, "RELU", 8, 4,
                CastMode.HLS4ML);
    }

    @Test
    void poolAvgAndMax() {
        Random r = new Random(4);
        FixedType t = new FixedType(8, 3, true);
        Tensor win = random(r, t, 2, 3, 9 * 4);
        TensorType rt = TensorType.of(t, 2, 3, 4);
        Requantizer avg = Requantizer.fromScale(1.0 / 9);
        Map<String, Attribute> p = Map.of("kind", Attribute.of("AVG"), "channels", Attribute.of(4L), "multiplier",
                Attribute.of(avg.multiplier()), "shift", Attribute.of((long) avg.shift()), "simd", Attribute.of(2L));
        PoolConfig cfg = PoolConfig.from(hw("hw.pool", List.of(win), 2, rt, 2, p));
        agree(new PoolInstance(cfg), new PoolModel(cfg), List.of(win), 2, t, kernel("kernel.pool", List.of(win), rt, p), 2);

        Map<String, Attribute> m = Map.of("kind", Attribute.of("MAX"), "channels", Attribute.of(4L), "simd", Attribute.of(4L));
        PoolConfig max = PoolConfig.from(hw("hw.pool", List.of(win), 4, rt, 4, m));
        agree(new PoolInstance(max), new PoolModel(max), List.of(win), 4, t, kernel("kernel.pool", List.of(win), rt, m), 4);
    }

    @Test
    void addAlignsAndCasts() {
        Random r = new Random(5);
        Tensor a = random(r, new FixedType(8, 3, true), 4, 4, 6);
        Tensor b = random(r, new FixedType(7, 1, true), 4, 4, 6);
        FixedType out = new FixedType(8, 3, true);
        TensorType rt = TensorType.of(out, 4, 4, 6);
        Map<String, Attribute> p = Map.of("simd", Attribute.of(3L));
        AddConfig cfg = AddConfig.from(hw("hw.add", List.of(a, b), 3, rt, 3, p));
        agree(new AddInstance(cfg), new AddModel(cfg), List.of(a, b), 3, out, kernel("kernel.add", List.of(a, b), rt, p), 3);
    }

    @Test
    void unsupportedIsOneLineNamingTheOp() {
        Random r = new Random(6);
        FixedType x = new FixedType(8, 3, true);
        Map<String, Attribute> props = mvauProps(r, 4, 2, x, x, new FixedType(20, 10, true), false, "NONE", 1, 1,
                new CastMode(Rounding.RND, Overflow.SAT));
        Tensor in = random(r, x, 1, 4);
        NncException e = assertThrows(NncException.class,
                () -> MvauConfig.from(hw("hw.mvau", List.of(in), 1, TensorType.of(x, 1, 2), 1, props)));
        assertTrue(e.getMessage().startsWith("hw.mvau: cast mode RND,SAT has no RTL"), e.getMessage());
        Map<String, Attribute> lanes = new HashMap<>(props);
        lanes.put("rounding", Attribute.of("RND_CONV"));
        e = assertThrows(NncException.class,
                () -> MvauConfig.from(hw("hw.mvau", List.of(in), 2, TensorType.of(x, 1, 2), 1, lanes)));
        assertEquals("hw.mvau: operand #0 has 2 lanes but simd is 1", e.getMessage());
    }
}
