package dev.nnc.ir.verify;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDialect;
import dev.nnc.ir.spec.Arity;
import dev.nnc.ir.spec.AttrKind;
import dev.nnc.ir.spec.AttrSpec;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.spec.RegionAttrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks IR against the registered op specs: known ops, operand and result counts, required
 * attributes and their kinds, SSA visibility, {@code func.return} against the function's result
 * names, then each spec's own verifier. Every problem becomes a {@link Diagnostic} at the op's
 * location; passes run this after they finish so they always leave verified IR.
 */
public final class Verifier {
    private final DialectRegistry registry;
    private final Dominance dominance = new Dominance();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Verifier(DialectRegistry registry) {
        this.registry = registry;
    }

    /** All problems in {@code root} and everything nested in it, in walk order; empty when valid. */
    public static List<Diagnostic> verify(Operation root, DialectRegistry registry) {
        Verifier v = new Verifier(registry);
        root.walk(v::verifyOp);
        return List.copyOf(v.diagnostics);
    }

    public static List<Diagnostic> verify(ModuleOp module, DialectRegistry registry) {
        return verify(module.op(), registry);
    }

    /** Throws the first error as an {@link NncException} naming the op; does nothing when valid. */
    public static void verifyOrThrow(Operation root, DialectRegistry registry) {
        for (Diagnostic d : verify(root, registry)) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                throw new NncException(d.location(), d.message());
            }
        }
    }

    private void verifyOp(Operation op) {
        checkOperands(op);
        Optional<OpSpec> spec = registry.lookup(op.name());
        if (spec.isEmpty()) {
            error(op, "unknown op (no dialect registers it)");
            return;
        }
        OpSpec s = spec.get();
        checkArity(op, "operand", s.operands(), op.numOperands());
        checkArity(op, "result", s.results(), op.numResults());
        int before = diagnostics.size();
        checkAttributes(op, s);
        checkFunction(op);
        checkModuleOpset(op);
        if (s.verifier() != null) {
            try {
                s.verifier().verify(op, msg -> error(op, msg));
            } catch (NncException e) {
                error(op, e.getMessage());
            }
        }
        if (diagnostics.size() == before) {
            ResultTypeCheck.check(op, s, msg -> error(op, msg));
        }
    }

    private void checkOperands(Operation op) {
        for (int i = 0; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            String why = dominance.check(op, v);
            if (why != null) {
                error(op, "operand #" + i + " " + describe(v) + " " + why);
            }
        }
    }

    private void checkArity(Operation op, String what, Arity arity, int n) {
        if (!arity.accepts(n)) {
            error(op, "expects " + arity + " " + what + "s, got " + n);
        }
    }

    private void checkAttributes(Operation op, OpSpec s) {
        checkGraphRegions(op, s);
        if (op.name().startsWith(OnnxDialect.PREFIX)) {
            // ONNX ops carry exactly their spec's attributes: a typo must not be silently ignored
            for (String name : op.properties().keySet()) {
                if (s.attribute(name).isEmpty() && !name.equals(RegionAttrs.PROPERTY)) {
                    error(op, "has attribute '" + name + "', which the op does not define");
                }
            }
        }
        for (AttrSpec a : s.attributes()) {
            Attribute value = op.property(a.name());
            if (a.kind() == AttrKind.GRAPH) {
                if (value != null) {
                    error(op, "graph attribute '" + a.name() + "' must be a region, not a property");
                }
            } else if (value == null) {
                if (a.required()) {
                    error(op, "needs attribute '" + a.name() + "'");
                }
            } else if (!AttrKinds.matches(a.kind(), value)) {
                error(op, "attribute '" + a.name() + "' must be " + AttrKinds.describe(a.kind()) + ", got "
                        + AttrKinds.nameOf(value));
            }
        }
    }

    /**
     * ONNX graph attributes (If's branches, Loop's body) are imported as regions in the order the
     * spec lists them, so the required ones must all be there and there can be no more than listed.
     */
    private void checkGraphRegions(Operation op, OpSpec s) {
        List<AttrSpec> graphs = s.attributes().stream().filter(a -> a.kind() == AttrKind.GRAPH).toList();
        if (graphs.isEmpty()) {
            return;
        }
        if (op.property(RegionAttrs.PROPERTY) != null) {
            checkNamedRegions(op, graphs);
            return;
        }
        long required = graphs.stream().filter(AttrSpec::required).count();
        int n = op.regions().size();
        if (n > required && n < graphs.size()) {
            error(op, "has some of its optional graph attributes, so property '" + RegionAttrs.PROPERTY + "' must name its regions");
        }
        if (n < required || n > graphs.size()) {
            String names = String.join(", ", graphs.stream().map(AttrSpec::name).toList());
            String expected = required == graphs.size() ? String.valueOf(required) : required + ".." + graphs.size();
            error(op, "expects " + expected + " regions (for " + names + "), got " + n);
        }
    }

    /** With {@code region_attrs}: one distinct graph attribute name per region, the required ones all there. */
    private void checkNamedRegions(Operation op, List<AttrSpec> graphs) {
        if (!AttrKinds.matches(AttrKind.STRINGS, op.property(RegionAttrs.PROPERTY))) {
            error(op, "property '" + RegionAttrs.PROPERTY + "' must be a list of strings");
            return;
        }
        List<String> names = RegionAttrs.names(op, null);
        if (names.size() != op.regions().size()) {
            error(op, "property '" + RegionAttrs.PROPERTY + "' names " + names.size() + " regions, but it has " + op.regions().size());
        }
        List<String> known = graphs.stream().map(AttrSpec::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                error(op, "region " + i + " is for '" + names.get(i) + "', which is not a graph attribute of the op");
            } else if (names.subList(0, i).contains(names.get(i))) {
                error(op, "graph attribute '" + names.get(i) + "' has two regions");
            }
        }
        for (AttrSpec g : graphs) {
            if (g.required() && !names.contains(g.name())) {
                error(op, "needs graph attribute '" + g.name() + "' (a region)");
            }
        }
    }

    /** ONNX ops mean what their opset says, so a module holding any must say which opset that is. */
    private void checkModuleOpset(Operation op) {
        if (!op.name().equals(BuiltinDialect.MODULE) || op.property("opset") != null) {
            return;
        }
        boolean[] hasOnnx = {false};
        op.walk(o -> hasOnnx[0] |= o.name().startsWith(OnnxDialect.PREFIX));
        if (hasOnnx[0]) {
            error(op, "holds onnx ops but has no 'opset' property (the ONNX opset they follow)");
        }
    }

    /** Function signatures: names listed in arg_names/result_names match the block arguments and return. */
    private void checkFunction(Operation op) {
        if (op.name().equals(BuiltinDialect.RETURN)) {
            // a return may also end a subgraph region (If/Loop bodies); only functions name their results
            Operation func = op.parentOp();
            if (func == null || !func.name().equals(BuiltinDialect.FUNC)) {
                return;
            }
            if (func.property("result_names") instanceof Attribute.ArrayAttr names && names.values().size() != op.numOperands()) {
                error(op, "returns " + op.numOperands() + " values but the function has " + names.values().size()
                        + " result names");
            }
        } else if (op.name().equals(BuiltinDialect.FUNC)) {
            if (op.regions().size() != 1 || op.region(0).blocks().isEmpty()) {
                error(op, "must have one region with an entry block");
                return;
            }
            int args = op.region(0).entry().arguments().size();
            if (op.property("arg_names") instanceof Attribute.ArrayAttr names && names.values().size() != args) {
                error(op, "has " + args + " arguments but " + names.values().size() + " arg_names");
            }
        }
    }

    private static String describe(Value v) {
        if (v.nameHint() != null) {
            return "'" + v.nameHint() + "'";
        }
        return v.definingOp() != null ? "(result " + v.index() + " of " + v.definingOp() + ")" : "(block argument " + v.index() + ")";
    }

    private void error(Operation op, String message) {
        diagnostics.add(Diagnostic.error(op.location(), op.name() + ": " + message));
    }
}
