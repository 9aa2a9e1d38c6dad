package dev.nnc.ir.text;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;

/** Small IR modules built in Java for the text and verifier tests. */
final class IrSamples {
    private IrSamples() {
    }

    /** The first layer of the MNIST model: input, a 200-element weight constant, an absent bias, a Conv. */
    static ModuleOp mnistConv() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(13);
        FuncOp f = FuncOp.create(m, "main");
        Value in = f.addInput("Input3", TensorType.of(FloatType.F32, 1, 1, 28, 28));
        double[] w = new double[8 * 5 * 5];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(i) / 3;
        }
        Value weights = constant(f, "w", "Parameter5", Tensor.ofDoubles(FloatType.F32, new int[] {8, 1, 5, 5}, w));
        Value none = append(f, "onnx.NoValue", List.of(), NoneType.NONE, Map.of(), null).result(0);
        none.setNameHint("none");
        Operation conv = append(f, "onnx.Conv", List.of(in, weights, none), TensorType.of(FloatType.F32, 1, 8, 28, 28),
                Map.of("auto_pad", Attribute.of("SAME_UPPER"), "group", Attribute.of(1), "strides", Attribute.ints(1, 1)),
                "Convolution28");
        conv.result(0).setNameHint("c");
        f.setOutputs(List.of(conv.result(0)), List.of("out"));
        return m;
    }

    static Value constant(FuncOp f, String hint, String loc, Tensor t) {
        Operation c = append(f, "onnx.Constant", List.of(), t.tensorType(), Map.of("value", new Attribute.DenseAttr(t)), loc);
        c.result(0).setNameHint(hint);
        return c.result(0);
    }

    static Operation append(FuncOp f, String name, List<Value> operands, Type result, Map<String, Attribute> props, String loc) {
        return f.body().append(Operation.create(name, operands, List.of(result), props, Location.named(loc)));
    }
}
