package dev.nnc.cli.exec;

import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.GeneratedSource;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import dev.nnc.passes.PassContext;
import dev.nnc.passes.graph.ShapeInferencePass;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a model whose inputs have symbolic shapes for the shapes of the inputs it is actually
 * given: the function's argument types are set to those of the inputs, shape inference refines
 * every value it can, the CPU backend generates its source, and every type is put back, so the
 * module is unchanged afterwards (its interpreted nodes run the ops exactly as the interpreter
 * would on the module as imported). Values whose shape stays unknown are carried as RuntimeValues
 * by the interpreter fallback.
 */
final class ShapeSpecialiser {
    private ShapeSpecialiser() {
    }

    /** True when some model input is a tensor without a static shape. */
    static boolean needed(ModuleOp module) {
        FuncOp f = module.mainFunction();
        return f != null && f.arguments().stream().anyMatch(a -> a.type() instanceof TensorType t && !t.isStatic());
    }

    /** A key naming the input types a specialisation is for. */
    static String signature(List<RuntimeValue> inputs) {
        StringBuilder b = new StringBuilder();
        for (RuntimeValue v : inputs) {
            b.append(v == null ? "none" : v.valueType()).append(';');
        }
        return b.toString();
    }

    /** The source of {@code module} specialised to the types of {@code inputs} (fallback on). */
    static GeneratedSource generate(ModuleOp module, String modelName, List<RuntimeValue> inputs) {
        Map<Value, Type> saved = new IdentityHashMap<>();
        module.op().walk(o -> {
            o.results().forEach(r -> saved.put(r, r.type()));
            for (Region r : o.regions()) {
                for (Block b : r.blocks()) {
                    b.arguments().forEach(a -> saved.put(a, a.type()));
                }
            }
        });
        try {
            List<Value> args = module.mainFunction().arguments();
            for (int i = 0; i < args.size() && i < inputs.size(); i++) {
                if (args.get(i).type() instanceof TensorType t && !t.isStatic() && inputs.get(i) instanceof Tensor given
                        && (t.elementType() == null || t.elementType().equals(given.elementType()))) {
                    args.get(i).setType(given.tensorType());
                }
            }
            try {
                new ShapeInferencePass(new ShapeInferencePass.Options()).run(module, new PassContext());
            } catch (NncException e) {
                restore(saved); // the given shapes contradict the model: compile it as it is
            }
            return CpuBackend.generate(module, modelName, true);
        } finally {
            restore(saved);
        }
    }

    private static void restore(Map<Value, Type> saved) {
        saved.forEach(Value::setType);
    }
}
