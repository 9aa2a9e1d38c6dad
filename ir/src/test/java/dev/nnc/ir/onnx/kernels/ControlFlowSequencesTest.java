package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** If and Loop carrying sequences: their result types and their evaluation. */
class ControlFlowSequencesTest {
    private static final TensorType I64 = TensorType.of(IntegerType.I64);
    private static final TensorType BOOL = TensorType.of(BoolType.I1);

    private static Operation op(Block b, String name, List<Value> operands, Type... results) {
        return b.append(Operation.create(name, operands, List.of(results), Map.of(), Location.named(name)));
    }

    private static List<Type> infer(Operation o) {
        OpSpec spec = DialectRegistry.standard().lookup(o.name()).orElseThrow();
        List<Type> types = o.operands().stream().map(Value::type).toList();
        return spec.inference().infer(new InferContext(o, types, new OpAttributes(o, spec), 17));
    }

    /** An If whose branches each yield one input of the given types. */
    private static Operation ifYielding(Type thenType, Type elseType) {
        FuncOp f = FuncOp.create(ModuleOp.create(), "main");
        Value c = f.addInput("c", BOOL);
        Value a = f.addInput("a", thenType);
        Value b = f.addInput("b", elseType);
        Operation ifOp = op(f.body(), "onnx.If", List.of(c), TensorType.unranked(FloatType.F32));
        op(ifOp.addRegion().addBlock(), BuiltinDialect.RETURN, List.of(a));
        op(ifOp.addRegion().addBlock(), BuiltinDialect.RETURN, List.of(b));
        return ifOp;
    }

    @Test
    void ifResultTypeIsWhatBothBranchesYield() {
        SequenceType s2 = new SequenceType(TensorType.of(FloatType.F32, 2));
        SequenceType s3 = new SequenceType(TensorType.of(FloatType.F32, 3));
        assertEquals(List.of(s2), infer(ifYielding(s2, s2)));
        assertEquals(List.of(new SequenceType(TensorType.unranked(FloatType.F32))), infer(ifYielding(s2, s3)));
        assertEquals(List.of(TensorType.unranked(FloatType.F32)),
                infer(ifYielding(TensorType.of(FloatType.F32, 2), TensorType.of(FloatType.F32, 4))));
        assertNull(infer(ifYielding(s2, TensorType.of(FloatType.F32, 2))).get(0));
    }

    @Test
    void loopCarriesASequence() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(13);
        FuncOp f = FuncOp.create(m, "main");
        SequenceType seqType = new SequenceType(TensorType.unranked(IntegerType.I64));
        Value trips = f.addInput("n", I64);
        Value start = f.addInput("s", seqType);
        Operation loop = op(f.body(), "onnx.Loop", List.of(trips, f.body().append(Operation.create("onnx.NoValue",
                List.of(), List.of(dev.nnc.ir.type.NoneType.NONE), Map.of(), Location.named("none"))).result(0), start),
                TensorType.unranked(FloatType.F32));
        Block body = loop.addRegion().addBlock();
        Value i = body.addArgument(I64, "i");
        Value cond = body.addArgument(BOOL, "cond");
        Value seq = body.addArgument(seqType, "seq");
        Operation insert = op(body, "onnx.SequenceInsert", List.of(seq, i), seqType);
        op(body, BuiltinDialect.RETURN, List.of(cond, insert.result(0)));
        assertEquals(List.of(seqType), infer(loop));
        f.setOutputs(loop.results(), List.of("out"));
        List<RuntimeValue> out = new Interpreter().runValues(f,
                List.of(Tensor.scalar(IntegerType.I64, 3), TensorSequence.empty(IntegerType.I64)), 13);
        TensorSequence s = (TensorSequence) out.get(0);
        assertEquals(3, s.size());
        assertLongs(s.get(2), shape(), 2);
    }
}
