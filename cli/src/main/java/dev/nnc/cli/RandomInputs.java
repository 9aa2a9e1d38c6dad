package dev.nnc.cli;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inputs for a benchmark when none are given: uniform floats in [-1, 1) from a fixed seed (so runs
 * are repeatable), zeros for integer and boolean inputs. Every input must have a static shape.
 */
final class RandomInputs {
    static final long SEED = 42;

    private RandomInputs() {
    }

    static Map<String, Tensor> of(FuncOp f) {
        Random random = new Random(SEED);
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> names = f.inputNames();
        for (int i = 0; i < names.size(); i++) {
            Value arg = f.arguments().get(i);
            if (!(arg.type() instanceof TensorType t) || !t.isStatic()) {
                throw new NncException("input '" + names.get(i) + "' has type " + arg.type()
                        + ": give its shape with --input-shape or a tensor with --input");
            }
            Tensor zeros = Tensor.zeros(t.elementType(), t.shape());
            if (t.elementType().isFloat()) {
                double[] v = new double[zeros.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = random.nextDouble() * 2 - 1;
                }
                out.put(names.get(i), Tensor.ofDoubles(t.elementType(), t.shape(), v));
            } else {
                out.put(names.get(i), zeros);
            }
        }
        return out;
    }
}
