package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FlexAttention without subgraphs; the subgraph stages are tested through the importer (frontend). */
class FlexAttentionTest {
    private static final Tensor K = f32(shape(1, 1, 2, 2), 1, 0, 0, 0);
    private static final Tensor V = f32(shape(1, 1, 2, 1), 10, 20);

    @Test
    void scaleDefaultsToOneOverSqrtHeadSize() {
        Tensor q = f32(shape(1, 1, 1, 2), 1, 0);
        assertTensor(run1("preview.FlexAttention", 1, Map.of("scale", Attribute.of(1.0)), q, K, V), shape(1, 1, 1, 1), 12.6894142);
        assertTensor(run1("preview.FlexAttention", 1, Map.of(), q, K, V), shape(1, 1, 1, 1), 13.3023837);
    }

    @Test
    void groupedQueryHeadsShareKeyValueHeads() {
        Tensor q = f32(shape(1, 2, 1, 2), 1, 0, 0, 0);
        assertTensor(run1("preview.FlexAttention", 1, Map.of("scale", Attribute.of(1.0)), q, K, V), shape(1, 2, 1, 1),
                12.6894142, 15);
        assertThrows(NncException.class, () -> run1("preview.FlexAttention", 1, Map.of(), f32(shape(1, 3, 1, 2), 0, 0, 0, 0, 0, 0),
                f32(shape(1, 2, 2, 2), 0, 0, 0, 0, 0, 0, 0, 0), f32(shape(1, 2, 2, 1), 0, 0, 0, 0)));
    }
}
