package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.hls.prim.AddInstance;
import dev.nnc.hls.prim.MvauInstance;
import dev.nnc.hls.prim.PoolInstance;
import dev.nnc.hls.prim.PrimitiveInstance;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.kernel.Activation;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;
import dev.nnc.sim.prim.AddModel;
import dev.nnc.sim.prim.MvauModel;
import dev.nnc.sim.prim.PoolModel;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@link Component#idle} contract of the MVAU, pool and add models: the cycle simulator skips
 * the clock of an idle component that no transfer touches, so a run that skips those clocks must
 * give the same transfer trace as one that clocks every cycle (random valid gaps and
 * back-pressure, several seeds).
 */
class IdleContractTest {

    /** Clocks the model only when it was not idle or a transfer touches it, as the simulator does. */
    private static final class Skipping implements Component {
        private final Component m;
        private boolean idle;

        Skipping(Component m) {
            this.m = m;
        }

        @Override
        public int inputCount() {
            return m.inputCount();
        }

        @Override
        public int outputCount() {
            return m.outputCount();
        }

        @Override
        public boolean inReady(int port) {
            return m.inReady(port);
        }

        @Override
        public boolean outValid(int port) {
            return m.outValid(port);
        }

        @Override
        public long[] outData(int port) {
            return m.outData(port);
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            boolean touched = false;
            for (long[] a : accepted) {
                touched |= a != null;
            }
            for (boolean t : taken) {
                touched |= t;
            }
            if (!idle || touched) {
                m.clock(accepted, taken);
            }
            idle = m.idle();
        }

        @Override
        public void reset() {
            m.reset();
            idle = m.idle();
        }
    }

    private static void same(PrimitiveInstance inst, Supplier<Component> model, List<StreamPort> ins,
            List<List<long[]>> beats, StreamPort out, int outBeats) {
        for (long seed = 1; seed <= 4; seed++) {
            List<String> every = cosim(inst, model.get(), ins, beats, out, outBeats, seed);
            List<String> skipping = cosim(inst, new Skipping(model.get()), ins, beats, out, outBeats, seed);
            assertEquals(every, skipping, "seed " + seed);
        }
    }

    private static List<String> cosim(PrimitiveInstance inst, Component c, List<StreamPort> ins, List<List<long[]>> beats,
            StreamPort out, int outBeats, long seed) {
        PrimitiveCosim p = PrimitiveCosim.of(inst, c);
        for (int i = 0; i < ins.size(); i++) {
            p.input(ins.get(i), beats.get(i));
        }
        return p.output(out, outBeats).seed(seed).densities(0.5, 0.5).runModel().lines();
    }

    @Test
    void mvau() {
        FixedType t = new FixedType(8, 3, true);
        for (int[] f : new int[][] {{6, 4, 2, 2}, {12, 3, 2, 3}, {4, 4, 4, 4}, {5, 3, 1, 1}}) {
            MvauConfig cfg = MvauCosimTest.random(f[0] * 7L + f[1], f[0], f[1], f[2], f[3], t, t, new FixedType(24, 14, true), t,
                    1 << 20, 20, 25, CastMode.DEFAULT, Activation.NONE, 0, 0);
            List<long[]> in = MvauCosimTest.inputs(cfg, 6, 9);
            same(new MvauInstance(cfg), () -> new MvauModel(cfg), List.of(new StreamPort(cfg.simd(), 8, true)), List.of(in),
                    new StreamPort(cfg.pe(), 8, true), 6 * cfg.nf());
        }
    }

    @Test
    void pool() {
        PoolConfig cfg = PoolConfig.max(4, 4, 2, new FixedType(8, 3, true), new FixedType(8, 3, true));
        List<long[]> in = PoolCosimTest.inputs(cfg, 5, 2);
        StreamPort port = new StreamPort(2, 8, true);
        same(new PoolInstance(cfg), () -> new PoolModel(cfg), List.of(port), List.of(in), port, 5 * cfg.cf());
    }

    @Test
    void add() {
        FixedType t = new FixedType(8, 3, true);
        AddConfig cfg = new AddConfig(1, t, t, t, CastMode.DEFAULT);
        Random r = new Random(3);
        StreamPort port = new StreamPort(1, 8, true);
        same(new AddInstance(cfg), () -> new AddModel(cfg), List.of(port, port),
                List.of(AddCosimTest.beats(30, 1, t, r), AddCosimTest.beats(30, 1, t, r)), port, 30);
    }
}
