package dev.nnc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Tensors survive the trip to ONNX Runtime and back with type, shape and every value intact. */
class OrtTensorsTest {
    private static final OrtEnvironment ENV = OrtModel.environment();
    private static final int[] SHAPE = {2, 3};

    static Stream<Arguments> tensors() {
        return Stream.of(
                Arguments.of(Tensor.ofDoubles(FloatType.F32, SHAPE, new double[] {0, -1.5, 3.25e-7, 1e30, Double.NaN, Double.NEGATIVE_INFINITY}), OnnxJavaType.FLOAT),
                Arguments.of(Tensor.ofDoubles(FloatType.F64, SHAPE, new double[] {0, -1.5, Math.PI, 1e300, 5e-324, -0.0}), OnnxJavaType.DOUBLE),
                Arguments.of(Tensor.ofDoubles(FloatType.F16, SHAPE, new double[] {0, -1.5, 65504, 6e-8, 0.1, -2}), OnnxJavaType.FLOAT16),
                Arguments.of(Tensor.ofLongs(IntegerType.I64, SHAPE, new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 1L << 40}), OnnxJavaType.INT64),
                Arguments.of(Tensor.ofLongs(IntegerType.I32, SHAPE, new long[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 70000}), OnnxJavaType.INT32),
                Arguments.of(Tensor.ofLongs(IntegerType.I16, SHAPE, new long[] {-32768, -1, 0, 1, 32767, 300}), OnnxJavaType.INT16),
                Arguments.of(Tensor.ofLongs(IntegerType.I8, SHAPE, new long[] {-128, -1, 0, 1, 127, 64}), OnnxJavaType.INT8),
                Arguments.of(Tensor.ofLongs(IntegerType.U8, SHAPE, new long[] {0, 1, 127, 128, 200, 255}), OnnxJavaType.UINT8),
                Arguments.of(Tensor.ofLongs(BoolType.I1, SHAPE, new long[] {1, 0, 0, 1, 1, 0}), OnnxJavaType.BOOL));
    }

    @ParameterizedTest
    @MethodSource("tensors")
    void roundTripKeepsTypeShapeAndValues(Tensor t, OnnxJavaType ortType) throws Exception {
        try (OnnxTensor o = OrtTensors.toOrt(ENV, t)) {
            assertEquals(ortType, o.getInfo().type);
            assertArrayEquals(new long[] {2, 3}, o.getInfo().getShape());
            Tensor back = OrtTensors.fromOrt(o);
            assertEquals(t.elementType(), back.elementType());
            assertArrayEquals(t.shape(), back.shape());
            if (t.isDoubles()) {
                assertArrayEquals(t.doubles(), back.doubles());
            } else {
                assertArrayEquals(t.longs(), back.longs());
            }
        }
    }

    @Test
    void unsupportedTypeIsNamed() {
        ElementType u16 = IntegerType.U16;
        Tensor t = Tensor.ofLongs(u16, new int[] {1}, new long[] {7});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrtTensors.toOrt(ENV, t));
        assertTrue(e.getMessage().contains(u16.spelling()), e.getMessage());
    }
}
