package dev.nnc.sim;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Opsets;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.StreamType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hw-level function (what {@code nnc compile --target fpga} writes to {@code design.nir}) seen
 * as a host part and a netlist: the {@code hw.source} ops where host tensors enter the hardware,
 * the {@code hw.sink} ops where they leave, and the primitives between, each with a unique
 * instance name for reports (its node name where it has one).
 */
public final class HwDesign {
    private final FuncOp func;
    private final Opsets opsets;
    private final List<Operation> sources = new ArrayList<>();
    private final List<Operation> sinks = new ArrayList<>();
    private final List<Operation> primitives = new ArrayList<>();
    private final List<String> instanceNames = new ArrayList<>();

    private HwDesign(FuncOp func, Opsets opsets) {
        this.func = func;
        this.opsets = opsets;
        Set<String> used = new HashSet<>();
        for (Operation op : func.body().operations()) {
            if (!op.dialect().equals("hw")) {
                continue;
            }
            switch (op.name()) {
                case "hw.source" -> sources.add(op);
                case "hw.sink" -> sinks.add(op);
                default -> {
                    primitives.add(op);
                    instanceNames.add(unique(baseName(op), used));
                }
            }
        }
        if (sources.isEmpty() || sinks.isEmpty()) {
            throw new NncException("function " + func.symName()
                    + " has no hw.source/hw.sink: not a hw-level design (compile it with `nnc compile --target fpga`)");
        }
    }

    /** The design of the module's main function. */
    public static HwDesign of(ModuleOp module) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("the module has no function");
        }
        return new HwDesign(f, module.opsets());
    }

    public FuncOp function() {
        return func;
    }

    public Opsets opsets() {
        return opsets;
    }

    public List<Operation> sources() {
        return List.copyOf(sources);
    }

    public List<Operation> sinks() {
        return List.copyOf(sinks);
    }

    /** The compute and plumbing ops, in block order. */
    public List<Operation> primitives() {
        return List.copyOf(primitives);
    }

    /** The instance name of {@code primitives().get(i)}. */
    public String instanceName(int i) {
        return instanceNames.get(i);
    }

    /** A source's name: the function input it quantizes, else its operand's name. */
    public String sourceName(Operation source) {
        Value v = source.operand(0);
        while (v.definingOp() != null && v.definingOp().numOperands() == 1) {
            v = v.definingOp().operand(0);
        }
        if (v.definingOp() == null && v.ownerBlock() == func.body()) {
            return func.inputNames().get(v.index());
        }
        return nameOf(source.operand(0), "in" + sources.indexOf(source));
    }

    /** A sink's name: the function output it feeds, else its result's name. */
    public String sinkName(Operation sink) {
        Value v = sink.result(0);
        while (v.uses().size() == 1) {
            Operation user = v.uses().get(0).user();
            if (user == func.returnOp()) {
                return func.outputNames().get(v.uses().get(0).operandIndex());
            }
            if (user.numResults() != 1) {
                break;
            }
            v = user.result(0);
        }
        return nameOf(sink.result(0), "out" + sinks.indexOf(sink));
    }

    /** The stream-order perm property of a source or sink. */
    public static int[] perm(Operation op) {
        return ints(op, "perm");
    }

    /** An int-array property (perm, in_shape, out_shape), or an error naming the op. */
    public static int[] ints(Operation op, String name) {
        if (!(op.property(name) instanceof Attribute.ArrayAttr arr)) {
            throw new NncException(op.location(), op.name() + " has no " + name);
        }
        return arr.values().stream().mapToInt(x -> Math.toIntExact(((Attribute.IntAttr) x).value())).toArray();
    }

    /** The stream type of a value, or an error naming the op. */
    public static StreamType stream(Value v, Operation at) {
        if (v.type() instanceof StreamType s) {
            return s;
        }
        throw new NncException(at.location(), at.name() + " expects a !hw.stream, got " + v.type());
    }

    /** Shape of a static tensor type, or an error naming the op. */
    public static int[] staticShape(Type t, Operation at) {
        if (t instanceof TensorType tt && tt.dims() != null) {
            int[] shape = new int[tt.dims().size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(tt.dims().get(i) instanceof dev.nnc.ir.type.Dim.Known k)) {
                    throw new NncException(at.location(), at.name() + " needs a static shape, got " + t);
                }
                shape[i] = Math.toIntExact(k.size());
            }
            return shape;
        }
        throw new NncException(at.location(), at.name() + " needs a ranked tensor, got " + t);
    }

    public static ElementType elementType(Type t) {
        return ((TensorType) t).elementType();
    }

    /** As the emitted RTL names instances: {@code <kind>_<node>} (e.g. {@code mvau_conv1}), or the kind alone. */
    private static String baseName(Operation op) {
        String node = op.location().name();
        if (node == null && op.numResults() > 0) {
            node = op.result(0).nameHint();
        }
        return node == null ? op.opName() : op.opName() + "_" + node.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String nameOf(Value v, String fallback) {
        return v.nameHint() != null ? v.nameHint() : fallback;
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int k = 1; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }
}
