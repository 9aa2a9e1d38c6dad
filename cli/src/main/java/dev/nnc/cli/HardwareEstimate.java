package dev.nnc.cli;

import dev.nnc.hls.report.Estimate;
import dev.nnc.hls.report.LayerEstimate;
import dev.nnc.hls.report.Resources;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.passes.kernel.DesignEstimate;
import dev.nnc.passes.kernel.Device;
import dev.nnc.passes.kernel.FoldEstimator;
import java.util.List;

/** The fold pass's estimate of a kernel-level design, in the terms of the backend's report. */
final class HardwareEstimate {
    private HardwareEstimate() {
    }

    /** Estimates the folded kernel-level {@code module} on {@code device}. */
    static Estimate of(ModuleOp kernelModule, Device device) {
        DesignEstimate e = FoldEstimator.estimate(kernelModule, device);
        List<LayerEstimate> layers = e.layers().stream()
                .map(l -> new LayerEstimate(l.name(), l.kind(), l.pe(), l.simd(), l.cycles(), resources(l.resources())))
                .toList();
        return new Estimate(device.name(), device.asic(), resources(device.capacity()), layers, e.iiCycles(),
                e.latencyCycles());
    }

    private static Resources resources(dev.nnc.passes.kernel.Resources r) {
        return new Resources(r.dsp(), r.bram18(), r.lut(), r.lutram(), r.gates(), r.sramBits());
    }
}
