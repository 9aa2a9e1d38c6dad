package dev.nnc.tests.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.cpu.CompiledModel;
import dev.nnc.cpu.CpuBackend;
import dev.nnc.cpu.CpuOptions;
import dev.nnc.frontend.OnnxImporter;
import dev.nnc.frontend.proto.Onnx.GraphProto;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.tests.OnnxBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One ONNX graph through the importer, then on the interpreter and on the CPU backend: every output equal (floats within 1e-6). */
final class CpuAgainstInterpreter {
    private CpuAgainstInterpreter() {
    }

    static void check(Path dir, GraphProto g, int opset, Map<String, Tensor> inputs, CpuOptions options) throws Exception {
        Path file = OnnxBuilder.write(dir, g.getName() + ".onnx", OnnxBuilder.model(g, opset));
        ModuleOp module = OnnxImporter.importFile(file);
        Map<String, Tensor> want = new Interpreter().run(module, inputs);
        Map<String, Tensor> got;
        try (CompiledModel m = CpuBackend.compile(module, g.getName(), options)) {
            got = m.run(new LinkedHashMap<>(inputs));
        }
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            Tensor w = want.get(name);
            Tensor r = got.get(name);
            assertEquals(w.tensorType(), r.tensorType(), name);
            if (w.isDoubles()) {
                assertArrayEquals(w.doubles(), r.doubles(), 1e-6, g.getName() + ": " + name);
            } else {
                assertArrayEquals(w.longs(), r.longs(), g.getName() + ": " + name);
            }
        }
    }
}
