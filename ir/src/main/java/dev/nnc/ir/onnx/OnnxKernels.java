package dev.nnc.ir.onnx;

import dev.nnc.ir.onnx.kernels.ActivationKernels;
import dev.nnc.ir.onnx.kernels.ArithmeticKernels;
import dev.nnc.ir.onnx.kernels.AttentionKernels;
import dev.nnc.ir.onnx.kernels.AxisKernels;
import dev.nnc.ir.onnx.kernels.BitCastKernels;
import dev.nnc.ir.onnx.kernels.CastKernels;
import dev.nnc.ir.onnx.kernels.ConcatSplitKernels;
import dev.nnc.ir.onnx.kernels.ControlFlowKernels;
import dev.nnc.ir.onnx.kernels.ConvolutionKernels;
import dev.nnc.ir.onnx.kernels.DetectionKernels;
import dev.nnc.ir.onnx.kernels.DeterminantKernels;
import dev.nnc.ir.onnx.kernels.FlexAttention;
import dev.nnc.ir.onnx.kernels.FusedKernels;
import dev.nnc.ir.onnx.kernels.GatherKernels;
import dev.nnc.ir.onnx.kernels.GenerateKernels;
import dev.nnc.ir.onnx.kernels.GridKernels;
import dev.nnc.ir.onnx.kernels.ImageKernels;
import dev.nnc.ir.onnx.kernels.LegacyKernels;
import dev.nnc.ir.onnx.kernels.LogicKernels;
import dev.nnc.ir.onnx.kernels.LossKernels;
import dev.nnc.ir.onnx.kernels.MatMulKernels;
import dev.nnc.ir.onnx.kernels.MlKernels;
import dev.nnc.ir.onnx.kernels.NormalizationKernels;
import dev.nnc.ir.onnx.kernels.OptionalKernels;
import dev.nnc.ir.onnx.kernels.PadKernels;
import dev.nnc.ir.onnx.kernels.PermuteKernels;
import dev.nnc.ir.onnx.kernels.PoolingKernels;
import dev.nnc.ir.onnx.kernels.QonnxKernels;
import dev.nnc.ir.onnx.kernels.QuantizationKernels;
import dev.nnc.ir.onnx.kernels.RecurrentKernels;
import dev.nnc.ir.onnx.kernels.ReduceKernels;
import dev.nnc.ir.onnx.kernels.ReshapeKernels;
import dev.nnc.ir.onnx.kernels.ResizeKernels;
import dev.nnc.ir.onnx.kernels.ScatterKernels;
import dev.nnc.ir.onnx.kernels.SequenceKernels;
import dev.nnc.ir.onnx.kernels.SignalKernels;
import dev.nnc.ir.onnx.kernels.SliceKernels;
import dev.nnc.ir.onnx.kernels.SoftmaxKernels;
import dev.nnc.ir.onnx.kernels.StringKernels;
import dev.nnc.ir.onnx.kernels.StructuralKernels;
import dev.nnc.ir.onnx.kernels.TfIdfKernels;
import dev.nnc.ir.onnx.kernels.TrainingKernels;
import dev.nnc.ir.onnx.kernels.UnaryMathKernels;
import dev.nnc.ir.onnx.kernels.UniqueKernels;
import java.util.List;

/** The list of kernel families that make up the {@code onnx} dialect. */
public final class OnnxKernels {
    private OnnxKernels() {
    }

    public static List<KernelFamily> families() {
        return List.of(
                new ActivationKernels(),
                new ArithmeticKernels(),
                new AttentionKernels(),
                new AxisKernels(),
                new BitCastKernels(),
                new CastKernels(),
                new ConcatSplitKernels(),
                new ControlFlowKernels(),
                new ConvolutionKernels(),
                new DetectionKernels(),
                new DeterminantKernels(),
                new FlexAttention(),
                new FusedKernels(),
                new GatherKernels(),
                new GenerateKernels(),
                new GridKernels(),
                new ImageKernels(),
                new LogicKernels(),
                new LegacyKernels(),
                new LossKernels(),
                new MatMulKernels(),
                new MlKernels(),
                new NormalizationKernels(),
                new OptionalKernels(),
                new PadKernels(),
                new PermuteKernels(),
                new PoolingKernels(),
                new QuantizationKernels(),
                new QonnxKernels(),
                new RecurrentKernels(),
                new ReduceKernels(),
                new ReshapeKernels(),
                new ResizeKernels(),
                new ScatterKernels(),
                new SequenceKernels(),
                new SignalKernels(),
                new SliceKernels(),
                new SoftmaxKernels(),
                new StringKernels(),
                new StructuralKernels(),
                new TfIdfKernels(),
                new TrainingKernels(),
                new UnaryMathKernels(),
                new UniqueKernels());
    }
}
