package dev.nnc.passes.hw;

import static dev.nnc.passes.hw.HwTesting.F8;
import static dev.nnc.passes.hw.HwTesting.module;
import static dev.nnc.passes.hw.HwTesting.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** size-fifos after lower-hw: skip FIFO depths, idempotence, nesting and long chains. */
class SizeFifosPassTest {
    private static boolean sizeFifos(ModuleOp m) {
        boolean changed = new SizeFifosPass(new SizeFifosPass.Options(false)).run(m, new PassContext());
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        return changed;
    }

    private static long depth(Operation fifo) {
        return ((Attribute.IntAttr) fifo.property(HwDialect.DEPTH)).value();
    }

    @Test
    void skipOfAConvolutionHoldsTwoRowsAndASecondRunChangesNothing() {
        ModuleOp m = LowerHwPassTest.lower(LowerHwPassTest.residual());
        assertTrue(sizeFifos(m));
        Operation add = ops(m, HwDialect.ADD).get(0);
        Operation skip = add.operand(1).definingOp();
        // the 3x3 window (pad 1) reads output row 0 once input rows 0 and 1 are in: 2 rows of the
        // 4x4x2 frame (16 elements) in one-lane beats, plus one; later rows lag by as much
        assertEquals(HwDialect.FIFO, skip.name(), IrPrinter.print(m));
        assertEquals(17, depth(skip));
        assertEquals(3, depth(add.operand(0).definingOp()), "the long branch holds the skip's 2-lane beat, plus one");
        String once = IrPrinter.print(m);
        assertFalse(sizeFifos(m));
        assertEquals(once, IrPrinter.print(m));
    }

    /** {@code blocks} residual dense blocks in a row, each x + fc(x), and one skip around them all. */
    private static ModuleOp chain(int blocks) {
        StringBuilder body = new StringBuilder();
        body.append("    %v0 = \"kernel.to_stream\"(%x) <{perm = [0, 1]}> : (tensor<1x8x" + F8 + ">) -> tensor<8x" + F8 + ">\n");
        for (int i = 0; i < blocks; i++) {
            body.append(HwTesting.mvau("%m" + i, "%v" + i, "8", "8", 8, 8, ", simd = 2, pe = 2")).append('\n');
            body.append("    %v" + (i + 1) + " = \"kernel.add\"(%m" + i + ", %v" + i + ") <{simd = 2}> : (tensor<8x" + F8
                    + ">, tensor<8x" + F8 + ">) -> tensor<8x" + F8 + ">\n");
        }
        body.append("    %o = \"kernel.add\"(%v" + blocks + ", %v0) <{simd = 2}> : (tensor<8x" + F8 + ">, tensor<8x" + F8
                + ">) -> tensor<8x" + F8 + "> loc(\"outer\")\n");
        body.append("    %y = \"kernel.from_stream\"(%o) <{perm = [0, 1]}> : (tensor<8x" + F8 + ">) -> tensor<1x8x" + F8 + ">");
        return LowerHwPassTest.lower(module("tensor<1x8x" + F8 + ">", body.toString(), "tensor<1x8x" + F8 + ">"));
    }

    @Test
    void nestedResidualsSizeTheOuterSkipForEveryInnerLayer() {
        ModuleOp m = chain(3);
        sizeFifos(m);
        Operation outer = ops(m, HwDialect.ADD).stream().filter(a -> "outer".equals(a.location().name())).findFirst().orElseThrow();
        // each dense layer needs its whole 8-element vector before its first output: 3 layers in
        // a row need one vector at the fork (their demands do not add up, each passes its vector on)
        Operation skip = outer.operand(1).definingOp();
        assertEquals(HwDialect.FIFO, skip.name(), IrPrinter.print(m));
        assertEquals(8 / 2 + 1, depth(skip));
        for (Operation add : ops(m, HwDialect.ADD)) {
            assertEquals(HwDialect.FIFO, add.operand(1).definingOp().name(), "every skip got a FIFO: " + IrPrinter.print(m));
        }
    }

    @Test
    void aHundredResidualBlocksStayLinear() {
        ModuleOp m = chain(100);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> sizeFifos(m));
        assertEquals(101, ops(m, HwDialect.ADD).stream().filter(a -> a.operand(1).definingOp().name().equals(HwDialect.FIFO)).count());
    }
}
