package dev.nnc.sim;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed interpreter's answer for a design: runs the kernel-level (or q-level) module the
 * design was lowered from (build/kernel.nir) and keeps each output before its
 * {@code q.dequantize}, the raws the hardware must reproduce bit for bit.
 */
public final class Reference {
    private Reference() {
    }

    /** Per frame, the reference's fixed outputs by name. */
    public static List<Map<String, Tensor>> fixedOutputs(ModuleOp module, List<Map<String, Tensor>> frames) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("the reference module has no function");
        }
        DialectRegistry registry = DialectRegistry.standard();
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (Map<String, Tensor> frame : frames) {
            HostEvaluator ev = new HostEvaluator(registry, module.opsets(), op -> false);
            HostSimulation.bindInputs(f, ev, frame);
            ev.run(f.body());
            out.add(HostSimulation.fixedOutputs(f, ev));
        }
        return out;
    }
}
