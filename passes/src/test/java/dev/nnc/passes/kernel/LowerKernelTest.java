package dev.nnc.passes.kernel;

import static dev.nnc.passes.kernel.QModelText.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * lower-kernel on q-level models with random weights: the kernel-level module verifies, holds no
 * q-level compute op any more, and the interpreter gives the same raws before and after.
 */
class LowerKernelTest {
    private static final FixedType X = new FixedType(8, 3, true);
    private static int seed = 11;

    /** Conv (SAME) + per-channel requantize + Relu + MaxPool + Reshape + MatMul + cast, like mnist8. */
    static String cnn(long s) {
        QModelText m = new QModelText(s, "x", "tensor<1x2x8x8xf32>");
        FixedType w1 = new FixedType(6, 1, true);
        FixedType b1 = new FixedType(12, 12 - X.fractionBits() - w1.fractionBits(), true);
        FixedType acc1 = QModelText.dot(X, w1, 18, b1);
        FixedType a1 = new FixedType(8, 2, true);
        m.op("q", "q.quantize", "", "%x", "tensor<1x2x8x8xf32>", t(X, 1, 2, 8, 8));
        m.constant("W1", w1, 4, 2, 3, 3);
        m.constant("B1", b1, 4);
        m.op("conv", "onnx.Conv", "auto_pad = \"SAME_UPPER\", kernel_shape = [3, 3]", "%q, %W1, %B1",
                t(X, 1, 2, 8, 8) + ", " + t(w1, 4, 2, 3, 3) + ", " + t(b1, 4), t(acc1, 1, 4, 8, 8));
        m.op("req", "q.requantize", "multipliers = [1518500250, 1073741824, 1900000000, 1200000000], shifts = [37, 36, 38, 37]",
                "%conv", t(acc1, 1, 4, 8, 8), t(a1, 1, 4, 8, 8));
        m.op("relu", "onnx.Relu", "", "%req", t(a1, 1, 4, 8, 8), t(a1, 1, 4, 8, 8));
        m.op("pool", "onnx.MaxPool", "kernel_shape = [2, 2], strides = [2, 2]", "%relu", t(a1, 1, 4, 8, 8), t(a1, 1, 4, 4, 4));
        m.line("%shape = \"onnx.Constant\"() <{value = dense<[1, 64]> : tensor<2xi64>}> : () -> tensor<2xi64>");
        m.op("flat", "onnx.Reshape", "", "%pool, %shape", t(a1, 1, 4, 4, 4) + ", tensor<2xi64>", t(a1, 1, 64));
        FixedType w2 = new FixedType(7, 0, true);
        FixedType acc2 = QModelText.dot(a1, w2, 64, null);
        FixedType out = new FixedType(10, 4, true);
        m.constant("W2", w2, 64, 5);
        m.op("fc", "onnx.MatMul", "", "%flat, %W2", t(a1, 1, 64) + ", " + t(w2, 64, 5), t(acc2, 1, 5));
        m.op("y", "q.cast", "", "%fc", t(acc2, 1, 5), t(out, 1, 5));
        return m.module("%y", t(out, 1, 5));
    }

    /** Channels-last input transposed in and out around Conv + cast + Clip, Flatten, Gemm (transB) + requantize: conv2d_small. */
    static String channelsLast(long s) {
        QModelText m = new QModelText(s, "x", "tensor<1x6x6x1xf32>");
        FixedType w1 = new FixedType(5, 0, true);
        FixedType acc1 = QModelText.dot(X, w1, 9, null);
        FixedType a1 = new FixedType(8, 3, true);
        m.op("q", "q.quantize", "", "%x", "tensor<1x6x6x1xf32>", t(X, 1, 6, 6, 1));
        m.op("nchw", "onnx.Transpose", "perm = [0, 3, 1, 2]", "%q", t(X, 1, 6, 6, 1), t(X, 1, 1, 6, 6));
        m.constant("W1", w1, 3, 1, 3, 3);
        m.op("conv", "onnx.Conv", "kernel_shape = [3, 3], pads = [1, 1, 1, 1]", "%nchw, %W1",
                t(X, 1, 1, 6, 6) + ", " + t(w1, 3, 1, 3, 3), t(acc1, 1, 3, 6, 6));
        m.op("cast", "q.cast", "", "%conv", t(acc1, 1, 3, 6, 6), t(a1, 1, 3, 6, 6));
        m.constant("lo", new FixedType(4, 2, true));
        m.constant("hi", new FixedType(6, 3, false));
        m.op("clip", "onnx.Clip", "", "%cast, %lo, %hi", t(a1, 1, 3, 6, 6) + ", " + t(new FixedType(4, 2, true)) + ", "
                + t(new FixedType(6, 3, false)), t(a1, 1, 3, 6, 6));
        m.op("nhwc", "onnx.Transpose", "perm = [0, 2, 3, 1]", "%clip", t(a1, 1, 3, 6, 6), t(a1, 1, 6, 6, 3));
        m.op("flat", "onnx.Flatten", "axis = 1", "%nhwc", t(a1, 1, 6, 6, 3), t(a1, 1, 108));
        FixedType w2 = new FixedType(6, 1, true);
        FixedType b2 = new FixedType(10, 10 - a1.fractionBits() - w2.fractionBits(), true);
        FixedType acc2 = QModelText.dot(a1, w2, 108, b2);
        FixedType out = new FixedType(8, 4, true);
        m.constant("W2", w2, 4, 108);
        m.constant("B2", b2, 4);
        m.op("fc", "onnx.Gemm", "transB = 1", "%flat, %W2, %B2", t(a1, 1, 108) + ", " + t(w2, 4, 108) + ", " + t(b2, 4), t(acc2, 1, 4));
        m.op("req", "q.requantize", "multiplier = 1431655765, shift = " + (31 + acc2.fractionBits() - out.fractionBits()),
                "%fc", t(acc2, 1, 4), t(out, 1, 4));
        m.op("y", "q.dequantize", "", "%req", t(out, 1, 4), "tensor<1x4xf32>");
        return m.module("%y", "tensor<1x4xf32>");
    }

    /** A residual block: Conv (stride 2) fans out to a Conv + Relu and to an exactly typed Add + cast, then MaxPool. */
    static String residual(long s) {
        QModelText m = new QModelText(s, "x", "tensor<1x1x10x10xf32>");
        FixedType w = new FixedType(4, 0, true);
        FixedType acc0 = QModelText.dot(X, w, 16, null);
        FixedType a = new FixedType(8, 4, true);
        m.op("q", "q.quantize", "", "%x", "tensor<1x1x10x10xf32>", t(X, 1, 1, 10, 10));
        m.constant("W0", w, 3, 1, 4, 4);
        m.op("c0", "onnx.Conv", "kernel_shape = [4, 4], strides = [2, 2]", "%q, %W0", t(X, 1, 1, 10, 10) + ", " + t(w, 3, 1, 4, 4),
                t(acc0, 1, 3, 4, 4));
        m.op("r0", "q.cast", "", "%c0", t(acc0, 1, 3, 4, 4), t(a, 1, 3, 4, 4));
        FixedType acc1 = QModelText.dot(a, w, 27, null);
        m.constant("W1", w, 3, 3, 3, 3);
        m.op("c1", "onnx.Conv", "kernel_shape = [3, 3], pads = [1, 1, 1, 1]", "%r0, %W1", t(a, 1, 3, 4, 4) + ", " + t(w, 3, 3, 3, 3),
                t(acc1, 1, 3, 4, 4));
        m.op("r1", "q.cast", "rounding = \"TRN\", overflow = \"WRAP\"", "%c1", t(acc1, 1, 3, 4, 4), t(a, 1, 3, 4, 4));
        m.op("relu", "onnx.Relu", "", "%r1", t(a, 1, 3, 4, 4), t(a, 1, 3, 4, 4));
        FixedType sum = FixedRules.sum(a, a);
        m.op("add", "onnx.Add", "", "%r0, %relu", t(a, 1, 3, 4, 4) + ", " + t(a, 1, 3, 4, 4), t(sum, 1, 3, 4, 4));
        m.op("addc", "q.cast", "", "%add", t(sum, 1, 3, 4, 4), t(a, 1, 3, 4, 4));
        m.op("y", "onnx.MaxPool", "kernel_shape = [2, 2], strides = [2, 2]", "%addc", t(a, 1, 3, 4, 4), t(a, 1, 3, 2, 2));
        return m.module("%y", t(a, 1, 3, 2, 2));
    }

    /** AveragePool (padded, count_include_pad = 1) then GlobalAveragePool, each to a narrower type. */
    static String averages(long s) {
        QModelText m = new QModelText(s, "x", "tensor<1x3x6x6xf32>");
        FixedType a = new FixedType(7, 2, true);
        FixedType b = new FixedType(9, 1, true);
        m.op("q", "q.quantize", "", "%x", "tensor<1x3x6x6xf32>", t(X, 1, 3, 6, 6));
        m.op("avg", "onnx.AveragePool", "count_include_pad = 1, kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]",
                "%q", t(X, 1, 3, 6, 6), t(a, 1, 3, 3, 3));
        m.op("y", "onnx.GlobalAveragePool", "", "%avg", t(a, 1, 3, 3, 3), t(b, 1, 3, 1, 1));
        return m.module("%y", t(b, 1, 3, 1, 1));
    }

    /** A depthwise convolution (group = C = 4) and a grouped one (group 2), each with a cast. */
    static String grouped(long s) {
        QModelText m = new QModelText(s, "x", "tensor<1x4x6x6xf32>");
        FixedType w = new FixedType(5, 0, true);
        FixedType a = new FixedType(8, 3, true);
        FixedType acc1 = QModelText.dot(X, w, 9, null);
        m.op("q", "q.quantize", "", "%x", "tensor<1x4x6x6xf32>", t(X, 1, 4, 6, 6));
        m.constant("W1", w, 4, 1, 3, 3);
        m.op("dw", "onnx.Conv", "group = 4, kernel_shape = [3, 3], pads = [1, 1, 1, 1]", "%q, %W1",
                t(X, 1, 4, 6, 6) + ", " + t(w, 4, 1, 3, 3), t(acc1, 1, 4, 6, 6));
        m.op("dwc", "q.cast", "", "%dw", t(acc1, 1, 4, 6, 6), t(a, 1, 4, 6, 6));
        FixedType acc2 = QModelText.dot(a, w, 8, null);
        m.constant("W2", w, 6, 2, 2, 2);
        m.op("gc", "onnx.Conv", "group = 2, kernel_shape = [2, 2], strides = [2, 2]", "%dwc, %W2",
                t(a, 1, 4, 6, 6) + ", " + t(w, 6, 2, 2, 2), t(acc2, 1, 6, 3, 3));
        m.op("y", "q.cast", "", "%gc", t(acc2, 1, 6, 3, 3), t(a, 1, 6, 3, 3));
        return m.module("%y", t(a, 1, 6, 3, 3));
    }

    static ModuleOp lowered(String text) {
        ModuleOp m = IrParser.parse(text, "q.nir");
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        assertTrue(new LowerKernelPass(new LowerKernelPass.Options()).run(m, new PassContext()));
        Verifier.verifyOrThrow(m.op(), DialectRegistry.standard());
        return m;
    }

    private static void assertBitExact(String text, int[] inShape) {
        ModuleOp q = IrParser.parse(text, "q.nir");
        ModuleOp k = lowered(text);
        List<String> names = new ArrayList<>();
        k.op().walk(o -> names.add(o.name()));
        assertFalse(names.stream().anyMatch(n -> n.equals("onnx.Conv") || n.equals("onnx.Gemm") || n.equals("onnx.MatMul")
                || n.equals("q.requantize") || n.equals("q.cast") || n.equals("onnx.Add") || n.equals("onnx.MaxPool")
                || n.equals("onnx.Transpose")), names.toString());
        Random r = new Random(seed++);
        for (int i = 0; i < 5; i++) {
            int n = 1;
            for (int d : inShape) {
                n *= d;
            }
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = r.nextGaussian() * 3;
            }
            Map<String, Tensor> in = Map.of("x", Tensor.ofDoubles(FloatType.F32, inShape, v));
            assertEquals(new Interpreter().run(q, in).get("y"), new Interpreter().run(k, in).get("y"));
        }
    }

    @RepeatedTest(5)
    void cnnIsBitExact() {
        assertBitExact(cnn(seed++), new int[] {1, 2, 8, 8});
    }

    @RepeatedTest(5)
    void channelsLastCnnIsBitExact() {
        assertBitExact(channelsLast(seed++), new int[] {1, 6, 6, 1});
    }

    @RepeatedTest(5)
    void residualBlockIsBitExact() {
        assertBitExact(residual(seed++), new int[] {1, 1, 10, 10});
    }

    @RepeatedTest(3)
    void averagePoolsAreBitExact() {
        assertBitExact(averages(seed++), new int[] {1, 3, 6, 6});
    }

    @RepeatedTest(3)
    void groupedAndDepthwiseConvolutionsAreBitExact() {
        assertBitExact(grouped(seed++), new int[] {1, 4, 6, 6});
    }

    @Test
    void kernelLevelTextRoundTrips() {
        for (String text : List.of(cnn(21), channelsLast(22), residual(23), averages(24), grouped(25))) {
            ModuleOp k = lowered(text);
            String printed = dev.nnc.ir.text.IrPrinter.print(k);
            assertEquals(printed, dev.nnc.ir.text.IrPrinter.print(IrParser.parse(printed, "k.nir")));
        }
    }

    @Test
    void transposesBecomeTheBoundaryPermutation() {
        ModuleOp k = lowered(channelsLast(3));
        List<Operation> ops = k.mainFunction().body().operations();
        Operation ts = ops.stream().filter(o -> o.name().equals("kernel.to_stream")).findFirst().orElseThrow();
        assertEquals(List.of(0L, 1L, 2L, 3L), ((Attribute.ArrayAttr) ts.property("perm")).values().stream()
                .map(a -> ((Attribute.IntAttr) a).value()).toList());
    }

    @Test
    void unsupportedOpsAreListedInOneLine() {
        String text = cnn(1).replace("\"onnx.Relu\"", "\"onnx.Sigmoid\"").replace("\"onnx.MaxPool\"(%relu) <{kernel_shape = [2, 2], strides = [2, 2]}>",
                "\"onnx.LpPool\"(%relu) <{kernel_shape = [2, 2], strides = [2, 2]}>");
        ModuleOp m = IrParser.parse(text, "q.nir");
        NncException e = assertThrows(NncException.class, () -> new LowerKernelPass(new LowerKernelPass.Options()).run(m, new PassContext()));
        assertEquals("cannot lower to hardware: onnx.Sigmoid (node 'relu'), onnx.LpPool (node 'pool')", e.getMessage());
    }
}
