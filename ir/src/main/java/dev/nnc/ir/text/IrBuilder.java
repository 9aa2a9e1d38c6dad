package dev.nnc.ir.text;

import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Region;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.text.NncIrParser.BlockArgContext;
import dev.nnc.ir.text.NncIrParser.LabeledBlockContext;
import dev.nnc.ir.text.NncIrParser.OperationContext;
import dev.nnc.ir.text.NncIrParser.RegionContext;
import dev.nnc.ir.text.NncIrParser.ResultTypesContext;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.type.TypeSpelling;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree of one operation into IR: resolves SSA names, checks the signature
 * against the operands, and gives every op a {@link Location} with its ONNX name (from
 * {@code loc("...")}) and its position in the text.
 */
final class IrBuilder {
    private final String file;
    private final TypeReader types;
    private final AttrReader attrs;
    private final ValueScopes scopes = new ValueScopes();

    IrBuilder(String file, TypeReader types, AttrReader attrs) {
        this.file = file;
        this.types = types;
        this.attrs = attrs;
    }

    /** Builds the op and, when {@code parent} is not null, appends it there. */
    Operation operation(OperationContext c, Block parent) {
        String name = types.unquote(c.STRING().getSymbol());
        List<Value> operands = operands(c);
        List<Type> operandTypes = types.types(c.functionType().typeList());
        List<Type> resultTypes = resultTypes(c.functionType().resultTypes());
        checkSignature(c, operands, operandTypes);
        List<TerminalNode> resultIds = c.resultNames() == null ? List.of() : c.resultNames().valueList().VALUE_ID();
        if (resultIds.size() != resultTypes.size()) {
            throw TextError.at(file, c.start, name + " names " + resultIds.size() + " results but its signature has "
                    + resultTypes.size());
        }
        Location loc = Location.at(file, c.start.getLine(), c.start.getCharPositionInLine() + 1);
        if (c.location() != null) {
            loc = loc.withName(types.unquote(c.location().STRING().getSymbol()));
        }
        Operation op = Operation.create(name, operands, resultTypes,
                c.properties() == null ? null : attrs.entries(c.properties().attrEntries()), loc);
        if (c.attrDict() != null) {
            op.attributes().putAll(attrs.entries(c.attrDict().attrEntries()));
        }
        if (parent != null) {
            parent.append(op);
        }
        if (c.regionList() != null) {
            scopes.push(ValueNamer.isIsolated(op));
            c.regionList().region().forEach(r -> region(r, op.addRegion()));
            scopes.pop();
        }
        for (int i = 0; i < resultIds.size(); i++) {
            define(resultIds.get(i).getSymbol(), op.result(i));
        }
        return op;
    }

    private List<Value> operands(OperationContext c) {
        List<Value> out = new ArrayList<>();
        if (c.valueList() != null) {
            for (TerminalNode id : c.valueList().VALUE_ID()) {
                Value v = scopes.lookup(id.getText().substring(1));
                if (v == null) {
                    throw TextError.at(file, id.getSymbol(), "undefined value " + id.getText());
                }
                out.add(v);
            }
        }
        return out;
    }

    private List<Type> resultTypes(ResultTypesContext c) {
        return c.type() != null ? List.of(types.type(c.type())) : types.types(c.typeList());
    }

    private void checkSignature(OperationContext c, List<Value> operands, List<Type> declared) {
        if (operands.size() != declared.size()) {
            throw TextError.at(file, c.functionType().start, "op has " + operands.size() + " operands but its signature lists "
                    + declared.size() + " types");
        }
        for (int i = 0; i < operands.size(); i++) {
            Type actual = operands.get(i).type();
            if (actual == null ? declared.get(i) != null : !actual.equals(declared.get(i))) {
                Token id = c.valueList().VALUE_ID(i).getSymbol();
                throw TextError.at(file, id, "type mismatch for operand #" + i + " " + id.getText() + ": signature says "
                        + TypeSpelling.of(declared.get(i)) + " but it is defined as " + TypeSpelling.of(actual));
            }
        }
    }

    private void region(RegionContext c, Region r) {
        if (c.entryBlock() != null) {
            Block b = r.addBlock();
            scopes.push(false);
            c.entryBlock().operation().forEach(o -> operation(o, b));
            scopes.pop();
        }
        for (LabeledBlockContext lb : c.labeledBlock()) {
            Block b = r.addBlock();
            scopes.push(false);
            if (lb.blockArgs() != null) {
                for (BlockArgContext a : lb.blockArgs().blockArg()) {
                    define(a.VALUE_ID().getSymbol(), b.addArgument(types.type(a.type()), null));
                }
            }
            lb.operation().forEach(o -> operation(o, b));
            scopes.pop();
        }
    }

    /** Binds an SSA name; names that are not purely numeric become the value's name hint. */
    private void define(Token id, Value v) {
        String name = id.getText().substring(1);
        if (!Names.isNumeric(name)) {
            v.setNameHint(name);
        }
        if (!scopes.define(name, v)) {
            throw TextError.at(file, id, "value " + id.getText() + " is defined twice");
        }
    }
}
