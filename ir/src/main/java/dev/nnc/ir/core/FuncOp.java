package dev.nnc.ir.core;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed view of a {@code func.func}: a graph whose block arguments are the inputs and whose
 * {@code func.return} operands are the outputs. {@code arg_names}/{@code result_names} keep the
 * ONNX input and output names exactly.
 */
public record FuncOp(Operation op) {
    public FuncOp {
        if (!op.name().equals(BuiltinDialect.FUNC)) {
            throw new IllegalArgumentException("not a function: " + op.name());
        }
    }

    /** A new function with one empty block, appended to {@code module}. */
    public static FuncOp create(ModuleOp module, String name) {
        Operation op = Operation.create(BuiltinDialect.FUNC, List.of(), List.of(),
                Map.of("sym_name", new Attribute.StringAttr(name)), Location.UNKNOWN);
        op.addRegion().addBlock();
        module.body().append(op);
        return new FuncOp(op);
    }

    public String symName() {
        return ((Attribute.StringAttr) op.property("sym_name")).value();
    }

    public Block body() {
        return op.region(0).entry();
    }

    public List<Value> arguments() {
        return body().arguments();
    }

    /** Adds an input with its external name. */
    public Value addInput(String name, Type type) {
        Value v = body().addArgument(type, name);
        setNames("arg_names", inputNames(), name);
        return v;
    }

    /** The return op; null until {@link #setOutputs} is called. */
    public Operation returnOp() {
        Operation t = body().terminator();
        return t != null && t.name().equals(BuiltinDialect.RETURN) ? t : null;
    }

    public List<Value> outputs() {
        Operation r = returnOp();
        return r == null ? List.of() : r.operands();
    }

    /** Appends the {@code func.return} with these values and external names. */
    public void setOutputs(List<Value> values, List<String> names) {
        body().append(Operation.create(BuiltinDialect.RETURN, values, List.of(), Map.of(), Location.UNKNOWN));
        op.setProperty("result_names", strings(names));
    }

    public List<String> inputNames() {
        return names("arg_names", arguments().size(), "input");
    }

    public List<String> outputNames() {
        return names("result_names", outputs().size(), "output");
    }

    private List<String> names(String key, int n, String prefix) {
        Attribute a = op.property(key);
        List<String> out = new ArrayList<>();
        if (a instanceof Attribute.ArrayAttr arr) {
            arr.values().forEach(v -> out.add(((Attribute.StringAttr) v).value()));
        }
        while (out.size() < n) {
            out.add(prefix + out.size());
        }
        return out;
    }

    private void setNames(String key, List<String> existing, String added) {
        List<String> all = new ArrayList<>(existing.subList(0, Math.min(existing.size(), arguments().size() - 1)));
        all.add(added);
        op.setProperty(key, strings(all));
    }

    private static Attribute strings(List<String> names) {
        return new Attribute.ArrayAttr(names.stream().map(s -> (Attribute) new Attribute.StringAttr(s)).toList());
    }
}
