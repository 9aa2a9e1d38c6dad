package dev.nnc.ir.onnx;

import dev.nnc.ir.onnx.kernels.AttentionKernels;
import dev.nnc.ir.onnx.kernels.AxisKernels;
import dev.nnc.ir.onnx.kernels.BitCastKernels;
import dev.nnc.ir.onnx.kernels.ControlFlowKernels;
import dev.nnc.ir.onnx.kernels.DetectionKernels;
import dev.nnc.ir.onnx.kernels.DeterminantKernels;
import dev.nnc.ir.onnx.kernels.GridKernels;
import dev.nnc.ir.onnx.kernels.LossKernels;
import dev.nnc.ir.onnx.kernels.RecurrentKernels;
import dev.nnc.ir.onnx.kernels.ReduceKernels;
import dev.nnc.ir.onnx.kernels.SignalKernels;
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
                new BitCastKernels(),
                new ControlFlowKernels(),
                new ReduceKernels(),
                new AxisKernels(),
                new RecurrentKernels(),
                new LossKernels(),
                new AttentionKernels(),
                new SignalKernels(),
                new DeterminantKernels(),
                new DetectionKernels(),
                new GridKernels());
    }
}
