package dev.nnc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    @Test
    void runsIdentityGraphByName() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(13);
        FuncOp f = FuncOp.create(m, "main");
        TensorType t = TensorType.of(FloatType.F32, 2);
        Value x = f.addInput("x", t);
        Operation id = f.body().append(Operation.create("onnx.Identity", List.of(x), List.of(t), Map.of(), Location.named("id0")));
        f.setOutputs(List.of(id.result(0)), List.of("y"));
        Tensor in = Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1.5, -2});
        Map<String, Tensor> out = new Interpreter().run(m, Map.of("x", in));
        assertEquals(List.of("y"), List.copyOf(out.keySet()));
        assertSame(in, out.get("y"));
    }

    @Test
    void roundsFloat32Storage() {
        Tensor t = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {0.1});
        assertEquals((double) 0.1f, t.doubles()[0]);
    }
}
