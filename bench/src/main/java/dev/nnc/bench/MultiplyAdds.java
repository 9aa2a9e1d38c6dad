package dev.nnc.bench;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.TensorType;

/**
 * Counts the multiply-adds of a model's Conv, MatMul and Gemm ops from the imported IR's static
 * shapes, so docs/benchmarks.md can turn latencies into GFLOP/s and say how far each engine is
 * from the machine's peak. Usage: {@code MultiplyAdds MODEL...} (names under shared/models).
 */
public final class MultiplyAdds {
    private MultiplyAdds() {
    }

    public static void main(String[] args) {
        for (String name : args) {
            System.out.println(name + " " + count(BenchModel.load(name).module()));
        }
    }

    /** Multiply-adds of one inference: output elements times the reduction length of each op. */
    public static long count(ModuleOp module) {
        long[] total = {0};
        module.mainFunction().op().walk(op -> total[0] += of(op));
        return total[0];
    }

    private static long of(Operation op) {
        String name = op.name();
        if (!name.equals("onnx.Conv") && !name.equals("onnx.MatMul") && !name.equals("onnx.Gemm")) {
            return 0;
        }
        long outputs = ((TensorType) op.result(0).type()).elementCount();
        int[] w = ((TensorType) op.operand(1).type()).shape();
        long reduction = 1;
        if (name.equals("onnx.Conv")) {
            for (int i = 1; i < w.length; i++) {
                reduction *= w[i]; // input channels per group x kernel window
            }
        } else {
            boolean transB = name.equals("onnx.Gemm") && op.property("transB") instanceof Attribute.IntAttr t && t.value() == 1;
            reduction = transB ? w[1] : w[w.length - 2];
        }
        return outputs * reduction;
    }
}
