package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageCheckTest {
    private final PassRegistry registry = TestPasses.registry();

    @Test
    void aPassAfterALoweringItCannotTakeIsRejectedNamingBoth() {
        Pipeline p = Pipeline.parse("test-count-ops,test-lower,test-erase-identity", registry);
        NncException e = assertThrows(NncException.class, () -> p.checkStages(IrStage.ONNX));
        assertEquals("pipeline: 'test-erase-identity' needs the onnx stage, but 'test-lower' before it leaves "
                + "the module at kernel", e.oneLine());
    }

    @Test
    void theWholePipelineIsRejectedBeforeAnythingRuns() {
        ModuleOp m = TestPasses.module();
        Pipeline p = Pipeline.parse("test-erase-identity,test-lower,test-lower", registry);
        NncException e = assertThrows(NncException.class, () -> new PassManager().run(p, m));
        assertEquals("pipeline: 'test-lower' needs the onnx or q stage, but 'test-lower' before it leaves the module at kernel",
                e.oneLine());
        assertEquals(2L, TestPasses.counts(m).get("onnx.Identity"), "the first pass must not have run");
    }

    @Test
    void theFirstPassIsCheckedAgainstTheInputModule() {
        Pipeline p = Pipeline.parse("test-erase-identity", registry);
        NncException e = assertThrows(NncException.class, () -> p.checkStages(IrStage.KERNEL));
        assertEquals("pipeline: 'test-erase-identity' needs the onnx stage, but the input module is at kernel", e.oneLine());
        assertEquals(IrStage.KERNEL, Pipeline.parse("test-count-ops,test-lower,test-count-ops", registry)
                .checkStages(IrStage.ONNX));
    }

    @Test
    void theStageOfAModuleComesFromItsOps() {
        ModuleOp m = TestPasses.module();
        assertEquals(IrStage.ONNX, IrStage.of(m));
        Operation relu = m.mainFunction().body().operations().get(1);
        relu.result(0).setType(TensorType.of(new FixedType(8, 4, true), 2));
        assertEquals(IrStage.Q, IrStage.of(m));
        m.mainFunction().body().insertBefore(relu, Operation.create("kernel.mvau", List.of(), List.of(), Map.of(),
                Location.UNKNOWN));
        assertEquals(IrStage.KERNEL, IrStage.of(m));
        m.mainFunction().body().insertBefore(relu, Operation.create("q.quantize", List.of(), List.of(), Map.of(),
                Location.UNKNOWN));
        assertEquals(IrStage.KERNEL, IrStage.of(m), "the latest stage wins");
        m.mainFunction().body().insertBefore(relu, Operation.create("hw.module", List.of(), List.of(), Map.of(),
                Location.UNKNOWN));
        assertEquals(IrStage.HW, IrStage.of(m));
    }
}
