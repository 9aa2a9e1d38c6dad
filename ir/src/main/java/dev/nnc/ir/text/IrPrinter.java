package dev.nnc.ir.text;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.type.StringEscapes;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.type.TypeSpelling;
import java.util.List;

/**
 * Writes IR in the MLIR-like generic form, deterministically:
 * <pre>
 * %c = "onnx.Conv"(%x, %w) &lt;{group = 1}&gt; : (tensor&lt;1x1x28x28xf32&gt;, tensor&lt;8x1x5x5xf32&gt;) -&gt; tensor&lt;1x8x28x28xf32&gt; loc("conv")
 * </pre>
 * Properties come sorted in {@code <{...}>}, discardable attributes in {@code {...}} after the
 * regions; constants with more than {@value AttrPrinter#INLINE_LIMIT} elements are written by
 * reference into a resource section at the end. {@link IrParser} reads the text back.
 */
public final class IrPrinter {
    private static final String INDENT = "  ";

    private final ValueNamer names;
    private final ResourceTable resources = new ResourceTable();
    private final AttrPrinter attrs = new AttrPrinter(resources);
    private final StringBuilder out = new StringBuilder();

    private IrPrinter(Operation op) {
        // an op inside a function is named as in the whole function's text, so dumps of one op match
        Operation scope = op;
        while (!ValueNamer.isIsolated(scope) && scope.parentOp() != null) {
            scope = scope.parentOp();
        }
        this.names = new ValueNamer(scope);
    }

    public static String print(ModuleOp module) {
        return print(module.op());
    }

    /**
     * Prints one op with everything nested in it, plus the resource section it needs. Values get
     * the names they have in the text of the enclosing function.
     */
    public static String print(Operation op) {
        IrPrinter p = new IrPrinter(op);
        p.operation(op, 0);
        if (!p.resources.isEmpty()) {
            p.resources.print(p.out);
        }
        return p.out.toString();
    }

    private void operation(Operation op, int depth) {
        String indent = INDENT.repeat(depth);
        out.append(indent);
        if (op.numResults() > 0) {
            values(op.results());
            out.append(" = ");
        }
        out.append(StringEscapes.quote(op.name())).append('(');
        values(op.operands());
        out.append(')');
        String resourceHint = resourceHint(op);
        if (!op.properties().isEmpty()) {
            out.append(" <{");
            attrs.printEntries(out, op.properties(), resourceHint);
            out.append("}>");
        }
        if (!op.regions().isEmpty()) {
            out.append(" (");
            for (int i = 0; i < op.regions().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                region(op.region(i), depth);
            }
            out.append(')');
        }
        if (!op.attributes().isEmpty()) {
            out.append(" {");
            attrs.printEntries(out, op.attributes(), resourceHint);
            out.append('}');
        }
        out.append(" : (");
        types(op.operands());
        out.append(") -> ");
        if (op.numResults() == 1) {
            out.append(TypeSpelling.of(op.result(0).type()));
        } else {
            out.append('(');
            types(op.results());
            out.append(')');
        }
        if (op.location().name() != null) {
            out.append(" loc(").append(StringEscapes.quote(op.location().name())).append(')');
        }
        out.append('\n');
    }

    private void region(Region r, int depth) {
        out.append("{\n");
        List<Block> blocks = r.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0 || !b.arguments().isEmpty() || b.operations().isEmpty()) {
                blockLabel(b, i, depth);
            }
            for (Operation inner : b.operations()) {
                operation(inner, depth + 1);
            }
        }
        out.append(INDENT.repeat(depth)).append('}');
    }

    private void blockLabel(Block b, int index, int depth) {
        out.append(INDENT.repeat(depth)).append("^bb").append(index);
        if (!b.arguments().isEmpty()) {
            out.append('(');
            for (int i = 0; i < b.arguments().size(); i++) {
                Value arg = b.arguments().get(i);
                out.append(i == 0 ? "" : ", ").append('%').append(names.name(arg)).append(": ").append(TypeSpelling.of(arg.type()));
            }
            out.append(')');
        }
        out.append(":\n");
    }

    private void values(List<Value> vs) {
        for (int i = 0; i < vs.size(); i++) {
            out.append(i == 0 ? "%" : ", %").append(names.name(vs.get(i)));
        }
    }

    private void types(List<Value> vs) {
        for (int i = 0; i < vs.size(); i++) {
            Type t = vs.get(i).type();
            out.append(i == 0 ? "" : ", ").append(TypeSpelling.of(t));
        }
    }

    /** A constant's resource key defaults to its result's hint, else the op's location name. */
    private static String resourceHint(Operation op) {
        if (op.numResults() > 0 && op.result(0).nameHint() != null && !op.result(0).nameHint().isEmpty()) {
            return op.result(0).nameHint();
        }
        return op.location().name();
    }
}
