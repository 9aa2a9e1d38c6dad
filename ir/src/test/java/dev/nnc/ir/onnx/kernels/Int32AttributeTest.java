package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.run;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integer attributes read as int must not wrap: 2^32 + 1 is not the ONNX code 1 (FLOAT). */
class Int32AttributeTest {
    private static final long WRAPS_TO_ONE = 4294967297L;

    @Test
    void castToOutOfRangeCodeIsRejected() {
        Tensor x = Tensor.ofDoubles(FloatType.F64, new int[] {1}, new double[] {1.5});
        NncException e = assertThrows(NncException.class, () -> run("Cast", Map.of("to", Attribute.of(WRAPS_TO_ONE)), x));
        assertTrue(e.getMessage().contains("not an ONNX data type"), e.getMessage());
    }

    @Test
    void eyeLikeDtypeOutOfRangeNamesTheAttribute() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 2}, new double[4]);
        NncException e = assertThrows(NncException.class, () -> run("EyeLike", Map.of("dtype", Attribute.of(WRAPS_TO_ONE)), x));
        assertTrue(e.getMessage().contains("'dtype'") && e.getMessage().contains("32-bit"), e.getMessage());
    }

    @Test
    void gatherBatchDimsOutOfRangeNamesTheAttribute() {
        Tensor data = Tensor.ofDoubles(FloatType.F32, new int[] {2, 2}, new double[4]);
        Tensor idx = Tensor.ofLongs(IntegerType.I64, new int[] {2, 1}, new long[] {0, 1});
        NncException e = assertThrows(NncException.class,
                () -> run("GatherND", Map.of("batch_dims", Attribute.of(WRAPS_TO_ONE)), data, idx));
        assertTrue(e.getMessage().contains("'batch_dims'"), e.getMessage());
    }
}
