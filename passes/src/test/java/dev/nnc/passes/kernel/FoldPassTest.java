package dev.nnc.passes.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** fold on lowered models: foldings divide what they fold, lanes match, the budget holds, the II is the slowest layer's. */
class FoldPassTest {
    private static DesignEstimate fold(ModuleOp m, FoldPass.Options o, PassContext ctx) {
        assertTrue(new FoldPass(o).run(m, ctx));
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        return FoldEstimator.estimate(m, Device.named(o.device()));
    }

    private static void assertLanesMatch(ModuleOp m) {
        for (FoldLayer c : FoldEstimator.layers(m)) {
            for (Value v : c.op().operands()) {
                Operation p = v.definingOp();
                while (p != null && p.name().equals("kernel.reshape")) {
                    p = p.operand(0).definingOp();
                }
                for (FoldLayer l : FoldEstimator.layers(m)) {
                    if (l.op() == p) {
                        int out = l.outLanes(l.simd(), l.pe());
                        assertTrue(out % c.simd() == 0 || c.simd() % out == 0, l.name() + " -> " + c.name());
                    }
                }
            }
        }
    }

    @Test
    void balancesWithinTheBudgetAndKeepsTheResults() {
        String text = LowerKernelTest.cnn(5);
        ModuleOp m = LowerKernelTest.lowered(text);
        long before = FoldEstimator.estimate(m, Device.named("xc7z020")).iiCycles();
        DesignEstimate e = fold(m, new FoldPass.Options("xc7z020", 0, 0.8), new PassContext());
        assertTrue(e.fits(0.8));
        assertTrue(e.iiCycles() < before, e.table());
        assertEquals(e.layers().stream().mapToLong(LayerEstimate::cycles).max().orElseThrow(), e.iiCycles());
        assertLanesMatch(m);
        // folding changes no number: the interpreter gives the q-level raws
        Random r = new Random(3);
        double[] v = new double[128];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        Map<String, Tensor> in = Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 2, 8, 8}, v));
        assertEquals(new Interpreter().run(dev.nnc.ir.text.IrParser.parse(text, "q.nir"), in).get("y"),
                new Interpreter().run(m, in).get("y"));
    }

    @Test
    void aTargetThroughputTakesTheLeastParallelism() {
        ModuleOp m = LowerKernelTest.lowered(LowerKernelTest.residual(7));
        // the first window generator reads 1 channel: 4·4 windows of 16 taps = 256 cycles at best
        DesignEstimate e = fold(m, new FoldPass.Options("xczu3eg", 300, 0.8), new PassContext());
        assertEquals(256, e.iiCycles(), e.table());
        for (FoldLayer l : FoldEstimator.layers(m)) {
            assertTrue(l.cycles(l.simd(), l.pe()) <= 300, l.name());
            for (int[] f : l.foldings()) {
                if ((long) f[0] * f[1] < (long) l.simd() * l.pe()) {
                    assertTrue(l.cycles(f[0], f[1]) > 300, l.name() + " could fold more: " + f[0] + "x" + f[1]);
                }
            }
        }
        assertLanesMatch(m);
        DesignEstimate slow = fold(m, new FoldPass.Options("xczu3eg", 1000, 0.8), new PassContext());
        assertTrue(slow.iiCycles() > 300 && slow.iiCycles() <= 1000, slow.table());
        assertTrue(slow.total().lut() < e.total().lut(), slow.table());
    }

    @Test
    void anImpossibleBudgetWarnsAndFoldsAsFarAsItCan() {
        ModuleOp m = LowerKernelTest.lowered(LowerKernelTest.channelsLast(2));
        PassContext ctx = new PassContext();
        DesignEstimate e = fold(m, new FoldPass.Options("xc7z020", 0, 1e-9), ctx);
        assertFalse(ctx.diagnostics().isEmpty());
        assertTrue(ctx.diagnostics().get(0).message().contains("even at"), ctx.diagnostics().get(0).message());
        // the slowest design: its II is the largest any layer can have
        ModuleOp fast = LowerKernelTest.lowered(LowerKernelTest.channelsLast(2));
        DesignEstimate f = fold(fast, new FoldPass.Options("xc7z020", 0, 0.8), new PassContext());
        assertTrue(e.iiCycles() > f.iiCycles(), e.table() + f.table());
        assertTrue(e.total().lut() < f.total().lut(), e.table() + f.table());
    }

    @Test
    void asicCountsGatesAndSram() {
        ModuleOp m = LowerKernelTest.lowered(LowerKernelTest.cnn(9));
        DesignEstimate e = fold(m, new FoldPass.Options("asic", 0, 0.8), new PassContext());
        assertEquals(0, e.total().dsp());
        assertTrue(e.total().gates() > 0);
        assertTrue(e.table().contains("kGE"), e.table());
    }

    @Test
    void unknownDeviceNamesTheKnownOnes() {
        NncException ex = assertThrows(NncException.class, () -> Device.named("xc9"));
        assertEquals("unknown device 'xc9' (one of xc7z020, xczu3eg, xcu250, asic)", ex.getMessage());
    }
}
