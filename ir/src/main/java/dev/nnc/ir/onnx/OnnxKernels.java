package dev.nnc.ir.onnx;

import dev.nnc.ir.onnx.kernels.BitCastKernels;
import dev.nnc.ir.onnx.kernels.ConcatSplitKernels;
import dev.nnc.ir.onnx.kernels.GatherKernels;
import dev.nnc.ir.onnx.kernels.GenerateKernels;
import dev.nnc.ir.onnx.kernels.PadKernels;
import dev.nnc.ir.onnx.kernels.PermuteKernels;
import dev.nnc.ir.onnx.kernels.ReshapeKernels;
import dev.nnc.ir.onnx.kernels.ResizeKernels;
import dev.nnc.ir.onnx.kernels.ScatterKernels;
import dev.nnc.ir.onnx.kernels.SliceKernels;
import dev.nnc.ir.onnx.kernels.StringKernels;
import dev.nnc.ir.onnx.kernels.StructuralKernels;
import dev.nnc.ir.onnx.kernels.UniqueKernels;
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
                new ReshapeKernels(),
                new PermuteKernels(),
                new ConcatSplitKernels(),
                new SliceKernels(),
                new GatherKernels(),
                new ScatterKernels(),
                new PadKernels(),
                new GenerateKernels(),
                new UniqueKernels(),
                new ResizeKernels());
    }
}
