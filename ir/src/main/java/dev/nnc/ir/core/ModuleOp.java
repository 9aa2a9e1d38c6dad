package dev.nnc.ir.core;

import dev.nnc.ir.attr.Attribute;
import java.util.List;
import java.util.Map;

/** Typed view of a {@code builtin.module}: a list of functions plus the ONNX opset in force. */
public record ModuleOp(Operation op) {
    /** Module property listing the non-default domains' versions as {@code domain=version}. */
    public static final String OPSET_IMPORTS = "opset_imports";

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

    /** The opsets of every imported domain (property {@code opset} plus {@code opset_imports}). */
    public Opsets opsets() {
        Map<String, Integer> others = Map.of();
        if (op.property(OPSET_IMPORTS) instanceof Attribute.ArrayAttr arr) {
            others = Opsets.decodeOthers(arr.values().stream()
                    .map(a -> a instanceof Attribute.StringAttr s ? s.value() : String.valueOf(a)).toList());
        }
        return new Opsets(opset(), others);
    }

    /** Sets {@code opset} and, when other domains are imported, {@code opset_imports}. */
    public void setOpsets(Opsets opsets) {
        setOpset(opsets.defaultVersion());
        if (opsets.others().isEmpty()) {
            op.properties().remove(OPSET_IMPORTS);
        } else {
            op.setProperty(OPSET_IMPORTS, new Attribute.ArrayAttr(
                    opsets.encodeOthers().stream().map(s -> (Attribute) new Attribute.StringAttr(s)).toList()));
        }
    }
}
