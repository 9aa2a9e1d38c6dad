package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.OpTableReader;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that span every op of the element-wise families. */
class ElementwiseFamiliesTest {
    private static final List<KernelFamily> FAMILIES = List.of(new ArithmeticKernels(), new UnaryMathKernels(),
            new LogicKernels(), new LegacyKernels(), new ActivationKernels(), new CastKernels(), new SoftmaxKernels());

    private static List<OpSpec> rows() throws Exception {
        List<OpSpec> all = new ArrayList<>();
        for (KernelFamily f : FAMILIES) {
            try (InputStream in = dev.nnc.ir.onnx.OnnxDialect.class.getResourceAsStream(f.table())) {
                all.addAll(OpTableReader.read(in, f.table()));
            }
        }
        return all;
    }

    @Test
    void everyOpIsRegisteredWithInference() throws Exception {
        List<OpSpec> rows = rows();
        assertEquals(78, rows.size(), "element-wise ops in the tables");
        for (OpSpec row : rows) {
            OpSpec spec = DialectRegistry.standard().lookup(row.name()).orElseThrow();
            assertTrue(spec.inference() != null && spec.semantics() != null, row.name());
            assertEquals(row.versions(), spec.versions());
        }
    }

    @Test
    void inferenceToleratesUnknownOperandTypes() throws Exception {
        for (OpSpec row : rows()) {
            OpSpec spec = DialectRegistry.standard().lookup(row.name()).orElseThrow();
            int n = Math.max(row.operands().min(), 1);
            for (Type t : new Type[] {null, TensorType.unranked(FloatType.F32)}) {
                List<Type> types = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    types.add(t);
                }
                Map<String, Attribute> attrs = row.name().equals("onnx.Cast") ? Map.of("to", Attribute.of(1)) : Map.of();
                Operation op = Operation.create(row.name(), List.of(), List.of(), attrs, Location.named("n"));
                assertDoesNotThrow(() -> spec.inference().infer(new InferContext(op, types, new OpAttributes(op, spec), 21)),
                        row.name());
            }
        }
    }
}
