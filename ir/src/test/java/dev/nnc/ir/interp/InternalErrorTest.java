package dev.nnc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.InternalException;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.Dialect;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kernel bug is an internal error naming the node, never a user error; a user error stays one. */
class InternalErrorTest {
    private static ModuleOp oneOp(String name) {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(m, "main");
        TensorType t = TensorType.of(FloatType.F32, 1);
        Operation op = f.body().append(Operation.create(name, List.of(f.addInput("x", t)), List.of(t), Map.of(),
                Location.named("node7")));
        f.setOutputs(List.of(op.result(0)), List.of("y"));
        return m;
    }

    private static Interpreter with(OpSpec spec) {
        DialectRegistry r = new DialectRegistry();
        BuiltinDialect.all().forEach(r::add);
        Dialect t = new Dialect("t");
        t.register(spec);
        r.add(t);
        return new Interpreter(r);
    }

    private static OpSpec spec(String name, dev.nnc.ir.spec.Semantics s) {
        return new OpSpec(name, List.of(1), new Arity(1, 1), new Arity(1, 1), List.of(), null, null, s);
    }

    @Test
    void kernelBugBecomesInternalErrorNamingTheNode() {
        Interpreter i = with(spec("t.boom", ctx -> {
            throw new ArrayIndexOutOfBoundsException(3);
        }));
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {1});
        InternalException e = assertThrows(InternalException.class, () -> i.run(oneOp("t.boom"), Map.of("x", x)));
        assertTrue(e.getMessage().contains("node7") && e.getMessage().contains("t.boom"), e.getMessage());
    }

    @Test
    void userErrorStaysAUserError() {
        Interpreter i = with(spec("t.bad", ctx -> {
            throw ctx.error("shape does not fit");
        }));
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1}, new double[] {1});
        NncException e = assertThrows(NncException.class, () -> i.run(oneOp("t.bad"), Map.of("x", x)));
        assertTrue(e.oneLine().contains("node7"), e.oneLine());
    }
}
