package dev.nnc.passes.hw;

import static dev.nnc.passes.hw.HwTesting.F8;
import static dev.nnc.passes.hw.HwTesting.module;
import static dev.nnc.passes.hw.HwTesting.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lower-hw on hand-written kernel-level functions: primitives, plumbing, names, rejected modes. */
class LowerHwPassTest {
    /** conv (swg + mvau, simd 2) then a residual add with the input (simd 1). */
    static final String RESIDUAL = String.join("\n",
            "    %t = \"kernel.to_stream\"(%x) <{perm = [0, 2, 3, 1]}> : (tensor<1x2x4x4x" + F8 + ">) -> tensor<4x4x2x" + F8 + ">",
            "    %w = \"kernel.swg\"(%t) <{kernel_shape = [3, 3], pads = [1, 1, 1, 1], simd = 2}> : (tensor<4x4x2x" + F8
                    + ">) -> tensor<4x4x18x" + F8 + "> loc(\"conv1\")",
            HwTesting.mvau("%m", "%w", "4x4x18", "4x4x2", 2, 18, ", simd = 2, pe = 1, activation = \"RELU\"") + " loc(\"conv1\")",
            "    %a = \"kernel.add\"(%m, %t) : (tensor<4x4x2x" + F8 + ">, tensor<4x4x2x" + F8 + ">) -> tensor<4x4x2x" + F8
                    + "> loc(\"res\")",
            "    %y = \"kernel.from_stream\"(%a) <{perm = [0, 3, 1, 2]}> : (tensor<4x4x2x" + F8 + ">) -> tensor<1x2x4x4x" + F8 + ">");

    static ModuleOp residual() {
        return module("tensor<1x2x4x4x" + F8 + ">", RESIDUAL, "tensor<1x2x4x4x" + F8 + ">");
    }

    static ModuleOp lower(ModuleOp m) {
        new LowerHwPass(new LowerHwPass.Options()).run(m, new PassContext());
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        return m;
    }

    @Test
    void residualBecomesANetlistWithForkDwcAndFifos() {
        ModuleOp m = lower(residual());
        String text = IrPrinter.print(m);
        assertTrue(m.mainFunction().body().operations().stream().noneMatch(o -> o.dialect().equals("kernel")), text);
        Operation src = ops(m, HwDialect.SOURCE).get(0);
        assertEquals(new StreamType(2, new dev.nnc.ir.type.FixedType(8, 3, true)), src.result(0).type(), text);
        assertEquals(1, ops(m, HwDialect.FORK).size(), text);
        // swg -> mvau and mvau -> add are between compute primitives; source -> swg and the skip are not
        assertEquals(2, ops(m, HwDialect.FIFO).size(), text);
        assertEquals(1, ops(m, HwDialect.DWC).size(), text);
        Operation mvau = ops(m, HwDialect.MVAU).get(0);
        assertEquals("conv1", mvau.location().name());
        assertEquals("m", mvau.result(0).nameHint());
        assertEquals(HwDialect.FIFO, mvau.operand(0).definingOp().name(), text);
        assertEquals(List.of(new Attribute.IntAttr(4), new Attribute.IntAttr(4), new Attribute.IntAttr(18)),
                ((Attribute.ArrayAttr) mvau.property(HwDialect.IN_SHAPE)).values());
        assertEquals(new Attribute.StringAttr("RND_CONV"), mvau.property("rounding"), "defaults are filled in");
        Operation add = ops(m, HwDialect.ADD).get(0);
        assertEquals(HwDialect.DWC, add.operand(1).definingOp().name(), text);
        assertEquals(HwDialect.FORK, add.operand(1).definingOp().operand(0).definingOp().name(), text);
        assertEquals(HwDialect.SINK, m.mainFunction().returnOp().operand(0).definingOp().name());
    }

    @Test
    void unsupportedCastModeIsOneLineNamingTheNode() {
        ModuleOp m = module("tensor<1x16x" + F8 + ">", String.join("\n",
                "    %t = \"kernel.to_stream\"(%x) <{perm = [0, 1]}> : (tensor<1x16x" + F8 + ">) -> tensor<16x" + F8 + ">",
                HwTesting.mvau("%m", "%t", "16", "4", 4, 16, ", rounding = \"RND_ZERO\"") + " loc(\"fc1\")",
                "    %y = \"kernel.from_stream\"(%m) <{perm = [0, 1]}> : (tensor<4x" + F8 + ">) -> tensor<1x4x" + F8 + ">"),
                "tensor<1x4x" + F8 + ">");
        NncException e = assertThrows(NncException.class, () -> lower(m));
        assertEquals("test.nir:5:5: node 'fc1': lower-hw: kernel.mvau: cast mode RND_ZERO + SAT has no hardware;"
                + " use RND_CONV + SAT (the default) or TRN + WRAP", e.oneLine());
    }

    @Test
    void laneCountsThatDoNotDivideGoThroughTheirCommonDivisor() {
        ModuleOp m = module("tensor<1x12x" + F8 + ">", String.join("\n",
                "    %t = \"kernel.to_stream\"(%x) <{perm = [0, 1]}> : (tensor<1x12x" + F8 + ">) -> tensor<12x" + F8 + ">",
                HwTesting.mvau("%m", "%t", "12", "6", 6, 12, ", simd = 4, pe = 3"),
                HwTesting.mvau("%n", "%m", "6", "4", 4, 6, ", simd = 2, pe = 2"),
                "    %y = \"kernel.from_stream\"(%n) <{perm = [0, 1]}> : (tensor<4x" + F8 + ">) -> tensor<1x4x" + F8 + ">"),
                "tensor<1x4x" + F8 + ">");
        lower(m);
        List<Operation> dwcs = ops(m, HwDialect.DWC);
        assertEquals(2, dwcs.size(), IrPrinter.print(m));
        assertEquals(1, ((StreamType) dwcs.get(0).result(0).type()).lanes());
        assertEquals(2, ((StreamType) dwcs.get(1).result(0).type()).lanes());
    }
}
