package dev.nnc.ir.core;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one generic operation of every dialect: a name {@code dialect.op}, operands, results,
 * properties (the op's own attributes, e.g. ONNX attributes with defaults filled in), discardable
 * attributes, and regions. Properties are kept sorted by name so printing is deterministic.
 */
public final class Operation {
    private final String name;
    private final List<Value> operands = new ArrayList<>();
    private final List<Value> results = new ArrayList<>();
    private final TreeMap<String, Attribute> properties = new TreeMap<>();
    private final TreeMap<String, Attribute> attributes = new TreeMap<>();
    private final List<Region> regions = new ArrayList<>();
    private Location location;
    private Block parent;

    private Operation(String name, Location location) {
        this.name = name;
        this.location = location == null ? Location.UNKNOWN : location;
    }

    /** Creates a detached operation; insert it with {@link Block#append}. */
    public static Operation create(String name, List<Value> operands, List<Type> resultTypes,
                                   Map<String, Attribute> properties, Location location) {
        Operation op = new Operation(name, location);
        for (Value v : operands) {
            op.addOperand(v);
        }
        for (Type t : resultTypes) {
            op.addResult(t, null);
        }
        if (properties != null) {
            op.properties.putAll(properties);
        }
        return op;
    }

    public String name() {
        return name;
    }

    /** The dialect prefix of the name, e.g. {@code onnx}. */
    public String dialect() {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The name without its dialect, e.g. {@code Conv}. */
    public String opName() {
        return name.substring(name.indexOf('.') + 1);
    }

    public List<Value> operands() {
        return Collections.unmodifiableList(operands);
    }

    public Value operand(int i) {
        return operands.get(i);
    }

    public int numOperands() {
        return operands.size();
    }

    public void addOperand(Value v) {
        operands.add(v);
        v.addUse(this, operands.size() - 1);
    }

    public void setOperand(int i, Value v) {
        operands.get(i).removeUse(this, i);
        operands.set(i, v);
        v.addUse(this, i);
    }

    void dropOperands() {
        for (int i = 0; i < operands.size(); i++) {
            operands.get(i).removeUse(this, i);
        }
        operands.clear();
    }

    public List<Value> results() {
        return Collections.unmodifiableList(results);
    }

    public Value result(int i) {
        return results.get(i);
    }

    public int numResults() {
        return results.size();
    }

    public Value addResult(Type type, String nameHint) {
        Value v = new Value(type, nameHint, this, null, results.size());
        results.add(v);
        return v;
    }

    /** Properties, sorted by name. Mutable: passes and the importer set them. */
    public Map<String, Attribute> properties() {
        return properties;
    }

    public Attribute property(String key) {
        return properties.get(key);
    }

    public void setProperty(String key, Attribute value) {
        properties.put(key, value);
    }

    /** Discardable attributes, sorted by name. */
    public Map<String, Attribute> attributes() {
        return attributes;
    }

    public List<Region> regions() {
        return Collections.unmodifiableList(regions);
    }

    public Region addRegion() {
        Region r = new Region();
        r.setParent(this);
        regions.add(r);
        return r;
    }

    public Region region(int i) {
        return regions.get(i);
    }

    public Location location() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Block parent() {
        return parent;
    }

    void setParent(Block b) {
        this.parent = b;
    }

    /** The op that owns the region this op sits in, or null at the top. */
    public Operation parentOp() {
        return parent == null || parent.parent() == null ? null : parent.parent().parent();
    }

    /** Visits this op and every op nested in its regions, parents before children. */
    public void walk(java.util.function.Consumer<Operation> visitor) {
        visitor.accept(this);
        for (Region r : regions) {
            for (Block b : r.blocks()) {
                for (Operation op : List.copyOf(b.operations())) {
                    op.walk(visitor);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + (location.name() != null ? " '" + location.name() + "'" : "");
    }
}
