package dev.nnc.ir.onnx;

import dev.nnc.ir.onnx.kernels.ActivationKernels;
import dev.nnc.ir.onnx.kernels.ArithmeticKernels;
import dev.nnc.ir.onnx.kernels.BitCastKernels;
import dev.nnc.ir.onnx.kernels.CastKernels;
import dev.nnc.ir.onnx.kernels.ControlFlowKernels;
import dev.nnc.ir.onnx.kernels.ConvolutionKernels;
import dev.nnc.ir.onnx.kernels.LogicKernels;
import dev.nnc.ir.onnx.kernels.MatMulKernels;
import dev.nnc.ir.onnx.kernels.NormalizationKernels;
import dev.nnc.ir.onnx.kernels.PoolingKernels;
import dev.nnc.ir.onnx.kernels.QuantizationKernels;
import dev.nnc.ir.onnx.kernels.SoftmaxKernels;
import dev.nnc.ir.onnx.kernels.StringKernels;
import dev.nnc.ir.onnx.kernels.StructuralKernels;
import dev.nnc.ir.onnx.kernels.UnaryMathKernels;
import java.util.List;

/** The list of kernel families that make up the {@code onnx} dialect. */
public final class OnnxKernels {
    private OnnxKernels() {
    }

    public static List<KernelFamily> families() {
        return List.of(
                new ActivationKernels(),
                new ArithmeticKernels(),
                new BitCastKernels(),
                new CastKernels(),
                new ControlFlowKernels(),
                new ConvolutionKernels(),
                new LogicKernels(),
                new MatMulKernels(),
                new NormalizationKernels(),
                new PoolingKernels(),
                new QuantizationKernels(),
                new SoftmaxKernels(),
                new StringKernels(),
                new StructuralKernels(),
                new UnaryMathKernels());
    }
}
