package dev.nnc.ir.onnx;

import dev.nnc.ir.onnx.kernels.BitCastKernels;
import dev.nnc.ir.onnx.kernels.StringKernels;
import dev.nnc.ir.onnx.kernels.StructuralKernels;
import java.util.List;

/** The list of kernel families that make up the {@code onnx} dialect. */
public final class OnnxKernels {
    private OnnxKernels() {
    }

    public static List<KernelFamily> families() {
        return List.of(
                new StructuralKernels(),
                new StringKernels(),
                new BitCastKernels());
    }
}
