package dev.nnc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptLevelsTest {
    @Test
    void everyPassTheLevelsNameIsRegistered() {
        for (int level = 0; level <= OptLevels.MAX; level++) {
            assertEquals(List.of(), OptLevels.missing(level, PassRegistry.standard()),
                    "-O" + level + " names passes that StandardPasses does not register");
        }
    }

    @Test
    void levelsAreBuiltFromRegisteredPassesByName() {
        PassRegistry r = TestPasses.registry();
        assertTrue(OptLevels.pipeline(2, r).isEmpty());
        assertEquals(List.of("canonicalize", "fold-constants", "dce"), OptLevels.missing(1, r));
        assertEquals(List.of(), OptLevels.arguments(0));
        assertEquals(11, OptLevels.arguments(2).size());
        NncException e = assertThrows(NncException.class, () -> OptLevels.arguments(3));
        assertEquals("-O3: no such optimization level (use -O0 to -O2)", e.oneLine());
    }

    @Test
    void theStandardLevelsPassTheStageCheck() {
        for (int level = 0; level <= OptLevels.MAX; level++) {
            assertEquals(IrStage.ONNX, OptLevels.pipeline(level, PassRegistry.standard()).checkStages(IrStage.ONNX));
        }
    }
}
