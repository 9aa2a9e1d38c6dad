package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvolutionKernelsTest {
    @Test
    void groupedConvWithPaddingAndBias() {
        Tensor x = f32(shape(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8);
        Tensor w = f32(shape(2, 1, 2, 2), 1, 0, 0, 1, 1, 1, 1, 1);
        Tensor b = f32(shape(2), 10, 20);
        Tensor y = KernelRun.of("Conv").attr("group", 2).ints("pads", 1, 1, 1, 1).in(x).in(w).in(b).run1();
        assertArrayEquals(shape(1, 2, 3, 3), y.shape());
        assertArrayEquals(new double[] {11, 12, 10, 13, 15, 12, 10, 13, 14, 25, 31, 26, 32, 46, 34, 27, 35, 28}, y.doubles());
    }

    @Test
    void sameUpperAndLowerPutOddPaddingOnOppositeSides() {
        Tensor x = f32(shape(1, 1, 4), 1, 2, 3, 4);
        Tensor w = f32(shape(1, 1, 3), 1, 1, 1);
        Tensor up = KernelRun.of("Conv").attr("auto_pad", "SAME_UPPER").ints("strides", 2).in(x).in(w).run1();
        Tensor lo = KernelRun.of("Conv").attr("auto_pad", "SAME_LOWER").ints("strides", 2).in(x).in(w).run1();
        assertArrayEquals(new double[] {6, 7}, up.doubles());
        assertArrayEquals(new double[] {3, 9}, lo.doubles());
    }

    @Test
    void dilatedConv1d() {
        Tensor x = f32(shape(1, 1, 5), 1, 2, 3, 4, 5);
        Tensor w = f32(shape(1, 1, 2), 1, 10);
        assertArrayEquals(new double[] {31, 42, 53}, KernelRun.of("Conv").ints("dilations", 2).in(x).in(w).run1().doubles());
    }

    @Test
    void conv3dSumsTheWholeCube() {
        Tensor w = f32(shape(1, 1, 2, 2, 2), 1, 1, 1, 1, 1, 1, 1, 1);
        Tensor y = KernelRun.of("Conv").in(KernelRun.iota(1, 1, 2, 2, 2)).in(w).run1();
        assertArrayEquals(shape(1, 1, 1, 1, 1), y.shape());
        assertEquals(28, y.doubles()[0]);
    }

    @Test
    void convTransposeStridesPadsAndOutputPadding() {
        Tensor x = f32(shape(1, 1, 3), 1, 2, 3);
        Tensor w = f32(shape(1, 1, 3), 1, 1, 1);
        assertArrayEquals(new double[] {1, 3, 6, 5, 3}, KernelRun.of("ConvTranspose").in(x).in(w).run1().doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3}, KernelRun.of("ConvTranspose").ints("strides", 2).in(x).in(w).run1().doubles());
        assertArrayEquals(new double[] {1, 3, 2, 5, 3}, KernelRun.of("ConvTranspose").ints("strides", 2).ints("pads", 1, 1).in(x).in(w).run1().doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3, 0},
                KernelRun.of("ConvTranspose").ints("strides", 2).ints("output_padding", 1).in(x).in(w).run1().doubles());
        assertArrayEquals(new double[] {1, 1, 3, 2, 5, 3, 3, 0},
                KernelRun.of("ConvTranspose").ints("strides", 2).ints("output_shape", 8).in(x).in(w).run1().doubles());
    }

    @Test
    void convTransposeGroups() {
        Tensor x = f32(shape(1, 2, 1), 1, 2);
        Tensor w = f32(shape(2, 1, 2), 1, 2, 3, 4);
        Tensor y = KernelRun.of("ConvTranspose").attr("group", 2).in(x).in(w).run1();
        assertArrayEquals(shape(1, 2, 2), y.shape());
        assertArrayEquals(new double[] {1, 2, 6, 8}, y.doubles());
    }

    @Test
    void convIntegerSubtractsZeroPoints() {
        Tensor x = Tensor.ofLongs(IntegerType.U8, shape(1, 1, 2, 2), new long[] {2, 3, 4, 5});
        Tensor w = Tensor.ofLongs(IntegerType.U8, shape(1, 1, 1, 1), new long[] {3});
        Tensor one = Tensor.scalar(IntegerType.U8, 1);
        Tensor y = KernelRun.of("ConvInteger").in(x).in(w).in(one).in(one).run1();
        assertEquals(IntegerType.I32, y.elementType());
        assertArrayEquals(new long[] {2, 4, 6, 8}, y.longs());
    }

    @Test
    void infersConvAndConvTransposeShapes() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 32, 32));
        Tensor w = Tensor.zeros(FloatType.F32, shape(8, 3, 3, 3));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 8, 16, 16)),
                KernelRun.of("Conv").ints("pads", 1, 1, 1, 1).ints("strides", 2, 2).in(x).in(w).infer());
        Tensor wt = Tensor.zeros(FloatType.F32, shape(3, 4, 2, 2));
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 8, 64, 64)),
                KernelRun.of("ConvTranspose").attr("group", 1).ints("strides", 2, 2).in(x).in(Tensor.zeros(FloatType.F32, shape(3, 8, 2, 2))).infer());
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 12, 33, 33)),
                KernelRun.of("ConvTranspose").attr("group", 3).in(Tensor.zeros(FloatType.F32, shape(1, 3, 32, 32))).in(wt.reshape(shape(3, 4, 2, 2))).infer());
    }

    @Test
    void channelMismatchIsAUserError() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 4, 4));
        Tensor w = Tensor.zeros(FloatType.F32, shape(2, 2, 1, 1));
        assertThrows(NncException.class, () -> KernelRun.of("Conv").in(x).in(w).run1());
    }

    @Test
    void verifierChecksWindowAttributeLengthsAndAutoPad() {
        Tensor x = Tensor.zeros(FloatType.F32, shape(1, 3, 4, 4));
        Tensor w = Tensor.zeros(FloatType.F32, shape(2, 3, 1, 1));
        assertEquals(List.of(), KernelRun.of("Conv").ints("pads", 0, 0, 0, 0).in(x).in(w).verify());
        List<String> errors = KernelRun.of("Conv").ints("pads", 1, 1).attr("auto_pad", "SAME").in(x).in(w).verify().stream()
                .map(Object::toString).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("'pads' has 2 values, the input needs 4")), errors.toString());
    }

    @Test
    void halfPrecisionConvIsAccumulatedExactlyAndRoundedOnce() {
        // 2048 + 1 + 1 is 2050 exactly; accumulating in f16 would lose both ones (spacing 2 at 2048)
        Tensor x = Tensor.ofDoubles(FloatType.F16, shape(1, 3, 1), new double[] {2048, 1, 1});
        Tensor w = Tensor.ofDoubles(FloatType.F16, shape(1, 3, 1), new double[] {1, 1, 1});
        Tensor y = KernelRun.of("Conv").in(x).in(w).run1();
        assertEquals(FloatType.F16, y.elementType());
        assertArrayEquals(new double[] {2050}, y.doubles());
    }

    @Test
    void inferenceKeepsASymbolicBatchDim() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        TensorType xt = new TensorType(FloatType.F32, List.of(Dim.symbol("N"), Dim.of(3),
                Dim.of(8), Dim.of(8)));
        TensorType wt = TensorType.of(FloatType.F32, 4, 3, 3, 3);
        Operation op = Operation.create("onnx.Conv", List.of(f.addInput("x", xt), f.addInput("w", wt)),
                List.of(TensorType.unranked(FloatType.F32)), Map.of(), Location.named("c"));
        OpSpec spec = DialectRegistry.standard().lookup("onnx.Conv").orElseThrow();
        List<Type> inferred = spec.inference().infer(new InferContext(op, List.of(xt, wt), new OpAttributes(op, spec), 13));
        assertEquals(new TensorType(FloatType.F32, List.of(Dim.symbol("N"), Dim.of(4),
                Dim.of(6), Dim.of(6))), inferred.get(0));
    }
}
