package dev.nnc.ir.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A minimal valid netlist verifies, and the interpreter refuses hw ops with a pointer to the simulator. */
class HwDialectTest {
    static final String PASS_THROUGH = "\"builtin.module\"() <{opset = 13}> ({\n"
            + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
            + "  ^bb0(%x: tensor<1x4xf32>):\n"
            + "    %q = \"q.quantize\"(%x) : (tensor<1x4xf32>) -> tensor<1x4xfixed<8,3>>\n"
            + "    %s = \"hw.source\"(%q) <{perm = [0, 1]}> : (tensor<1x4xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>\n"
            + "    %f = \"hw.fifo\"(%s) <{depth = 2}> : (!hw.stream<2xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>> loc(\"buf\")\n"
            + "    %t = \"hw.sink\"(%f) <{perm = [0, 1]}> : (!hw.stream<2xfixed<8,3>>) -> tensor<1x4xfixed<8,3>>\n"
            + "    %y = \"q.dequantize\"(%t) : (tensor<1x4xfixed<8,3>>) -> tensor<1x4xf32>\n"
            + "    \"func.return\"(%y) : (tensor<1x4xf32>) -> ()\n"
            + "  }) : () -> ()\n"
            + "}) : () -> ()\n";

    @Test
    void sourceFifoSinkVerifies() {
        List<Diagnostic> d = Verifier.verify(IrParser.parse(PASS_THROUGH, "t.nir"), DialectRegistry.standard());
        assertEquals(List.of(), d);
    }

    @Test
    void interpreterPointsToTheSimulator() {
        ModuleOp m = IrParser.parse(PASS_THROUGH, "t.nir");
        NncException e = assertThrows(NncException.class, () -> new Interpreter().run(m,
                Map.of("x", Tensor.ofDoubles(FloatType.F32, new int[] {1, 4}, new double[] {1, 2, 3, 4}))));
        assertTrue(e.getMessage().contains("hw.source: a hardware op has no reference semantics; run hw-level IR with `nnc sim`"),
                e.getMessage());
    }

    @Test
    void everyOpIsRegistered() {
        for (String op : List.of(HwDialect.SOURCE, HwDialect.SINK, HwDialect.FIFO, HwDialect.FORK, HwDialect.DWC,
                HwDialect.SWG, HwDialect.MVAU, HwDialect.POOL, HwDialect.ADD, HwDialect.SOFTMAX)) {
            assertTrue(DialectRegistry.standard().lookup(op).isPresent(), op);
        }
    }
}
