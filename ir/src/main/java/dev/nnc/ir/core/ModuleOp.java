package dev.nnc.ir.core;

import dev.nnc.ir.attr.Attribute;
import java.util.List;
import java.util.Map;

/** Typed view of a {@code builtin.module}: a list of functions plus the ONNX opset in force. */
public record ModuleOp(Operation op) {
    public ModuleOp {
        if (!op.name().equals(BuiltinDialect.MODULE)) {
            throw new IllegalArgumentException("not a module: " + op.name());
        }
    }

    /** A new empty module. */
    public static ModuleOp create() {
        Operation op = Operation.create(BuiltinDialect.MODULE, List.of(), List.of(), Map.of(), Location.UNKNOWN);
        op.addRegion().addBlock();
        return new ModuleOp(op);
    }

    public Block body() {
        return op.region(0).entry();
    }

    public List<FuncOp> functions() {
        return body().operations().stream().filter(o -> o.name().equals(BuiltinDialect.FUNC)).map(FuncOp::new).toList();
    }

    /** The function named {@code main}, or the first one. */
    public FuncOp mainFunction() {
        List<FuncOp> fs = functions();
        return fs.stream().filter(f -> f.symName().equals("main")).findFirst()
                .orElseGet(() -> fs.isEmpty() ? null : fs.get(0));
    }

    /** The default-domain ONNX opset (0 when not set). */
    public int opset() {
        Attribute a = op.property("opset");
        return a instanceof Attribute.IntAttr i ? (int) i.value() : 0;
    }

    public void setOpset(int opset) {
        op.setProperty("opset", new Attribute.IntAttr(opset));
    }
}
