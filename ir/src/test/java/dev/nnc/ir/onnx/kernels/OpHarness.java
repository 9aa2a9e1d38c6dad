package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
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
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a one-op module (result types from the op's own type inference), runs it through the
 * interpreter and returns the results, so kernel tests exercise the path a model takes.
 */
final class OpHarness {
    private OpHarness() {
    }

    static Tensor run(String op, Tensor... inputs) {
        return runAll(op, Map.of(), 21, 1, inputs).get(0);
    }

    static Tensor run(String op, Map<String, Attribute> attrs, Tensor... inputs) {
        return runAll(op, attrs, 21, 1, inputs).get(0);
    }

    /** Runs {@code onnx.<op>} at an opset; a null input is an absent optional operand. */
    static List<Tensor> runAll(String op, Map<String, Attribute> attrs, int opset, int numResults, Tensor... inputs) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(opset);
        FuncOp f = FuncOp.create(m, "main");
        List<Value> operands = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        Map<String, Tensor> feeds = new HashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                Operation none = f.body().append(Operation.create("onnx.NoValue", List.of(), List.of(NoneType.NONE), Map.of(), null));
                operands.add(none.result(0));
                types.add(NoneType.NONE);
            } else {
                operands.add(f.addInput("x" + i, inputs[i].tensorType()));
                types.add(inputs[i].tensorType());
                feeds.put("x" + i, inputs[i]);
            }
        }
        List<Type> placeholder = new ArrayList<>();
        for (int i = 0; i < numResults; i++) {
            placeholder.add(null);
        }
        Operation o = Operation.create("onnx." + op, operands, placeholder, attrs, Location.named("n0"));
        OpSpec spec = DialectRegistry.standard().lookup("onnx." + op).orElseThrow();
        List<Type> inferred = spec.inference().infer(new InferContext(o, types, new OpAttributes(o, spec), opset));
        for (int i = 0; i < numResults; i++) {
            o.result(i).setType(inferred.get(i));
        }
        f.body().append(o);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < numResults; i++) {
            names.add("y" + i);
        }
        f.setOutputs(o.results(), names);
        return new ArrayList<>(new Interpreter().run(m, feeds).values());
    }

    /** The type inference gives for op on these inputs (index = result number). */
    static List<Type> infer(String op, Map<String, Attribute> attrs, int opset, Tensor... inputs) {
        List<Type> types = new ArrayList<>();
        for (Tensor t : inputs) {
            types.add(t == null ? NoneType.NONE : t.tensorType());
        }
        Operation o = Operation.create("onnx." + op, List.of(), List.of(), attrs, Location.named("n0"));
        OpSpec spec = DialectRegistry.standard().lookup("onnx." + op).orElseThrow();
        return spec.inference().infer(new InferContext(o, types, new OpAttributes(o, spec), opset));
    }
}
