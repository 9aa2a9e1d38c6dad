package dev.nnc.cli.quant;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** Top-1 classes of a model over input sets, and how often two lists of them agree. */
public final class Predictions {
    private Predictions() {
    }

    /** The argmax of the first output for each input set (first index on ties). */
    public static int[] top1(ModuleOp module, List<Map<String, Tensor>> samples, Progress progress) {
        Interpreter interp = new Interpreter();
        int[] out = new int[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = argmax(interp.run(module, samples.get(i)).values().iterator().next().toDoubles());
            progress.step(i + 1, out.length);
        }
        return out;
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The fraction of positions where a and b agree. */
    public static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return a.length == 0 ? 0 : (double) same / a.length;
    }
}
