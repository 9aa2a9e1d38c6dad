package dev.nnc.sim;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * One way to run the hardware part of a {@link HwDesign}: the cycle simulator
 * ({@link CycleEngine}) or the emitted RTL on an HDL simulator. Both follow the testbench policy
 * of docs/hardware.md §5, so their runs compare beat for beat and cycle for cycle.
 */
public interface HwEngine {
    /** The engine's name as {@code nnc sim --engine} spells it. */
    String name();

    /**
     * Runs every frame back to back. {@code sourceFrames.get(i)} holds the frames for
     * {@code design.sources().get(i)} (tensors of its operand type).
     */
    HwRun run(HwDesign design, List<List<Tensor>> sourceFrames);
}
