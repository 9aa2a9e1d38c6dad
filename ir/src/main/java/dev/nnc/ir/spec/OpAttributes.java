package dev.nnc.ir.spec;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;

/**
 * Typed reads of an op's attributes: the op's property, else the spec's default, else the default
 * the caller passes. A missing required attribute is an {@link NncException} naming op and attribute.
 */
public final class OpAttributes {
    private final Operation op;
    private final OpSpec spec;

    public OpAttributes(Operation op, OpSpec spec) {
        this.op = op;
        this.spec = spec;
    }

    /** The attribute as set on the op or defaulted by the spec, or null. */
    public Attribute get(String name) {
        Attribute a = op.property(name);
        if (a == null && spec != null) {
            a = spec.attribute(name).map(AttrSpec::defaultValue).orElse(null);
        }
        return a;
    }

    public boolean has(String name) {
        return op.property(name) != null;
    }

    private Attribute require(String name) {
        Attribute a = get(name);
        if (a == null) {
            throw new NncException(op.location(), op.name() + " needs attribute '" + name + "'");
        }
        return a;
    }

    public long getInt(String name) {
        return asLong(name, require(name));
    }

    public long getInt(String name, long dflt) {
        Attribute a = get(name);
        return a == null ? dflt : asLong(name, a);
    }

    /** {@link #getInt(String)} narrowed to int; a value out of int range is an error, not a wrapped alias. */
    public int getInt32(String name) {
        return toInt32(name, getInt(name));
    }

    public int getInt32(String name, int dflt) {
        return toInt32(name, getInt(name, dflt));
    }

    private int toInt32(String name, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new NncException(op.location(), op.name() + ": attribute '" + name + "' = " + v + " is out of the 32-bit integer range");
        }
        return (int) v;
    }

    public double getFloat(String name) {
        return asDouble(name, require(name));
    }

    public double getFloat(String name, double dflt) {
        Attribute a = get(name);
        return a == null ? dflt : asDouble(name, a);
    }

    public String getString(String name) {
        Attribute a = require(name);
        if (a instanceof Attribute.StringAttr s) {
            return s.value();
        }
        throw wrongKind(name, "a string");
    }

    public String getString(String name, String dflt) {
        return get(name) == null ? dflt : getString(name);
    }

    /** An ints attribute as a long array, or {@code dflt} (may be null) when absent. */
    public long[] getInts(String name, long[] dflt) {
        Attribute a = get(name);
        if (a == null) {
            return dflt;
        }
        if (a instanceof Attribute.ArrayAttr arr) {
            long[] out = new long[arr.values().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = asLong(name, arr.values().get(i));
            }
            return out;
        }
        throw wrongKind(name, "a list of ints");
    }

    public double[] getFloats(String name, double[] dflt) {
        Attribute a = get(name);
        if (a == null) {
            return dflt;
        }
        if (a instanceof Attribute.ArrayAttr arr) {
            double[] out = new double[arr.values().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = asDouble(name, arr.values().get(i));
            }
            return out;
        }
        throw wrongKind(name, "a list of floats");
    }

    public List<String> getStrings(String name, List<String> dflt) {
        Attribute a = get(name);
        if (a == null) {
            return dflt;
        }
        if (a instanceof Attribute.ArrayAttr arr) {
            return arr.values().stream().map(v -> ((Attribute.StringAttr) v).value()).toList();
        }
        throw wrongKind(name, "a list of strings");
    }

    public Tensor getTensor(String name) {
        Attribute a = get(name);
        if (a == null) {
            return null;
        }
        if (a instanceof Attribute.DenseAttr d) {
            return d.value();
        }
        throw wrongKind(name, "a tensor");
    }

    private long asLong(String name, Attribute a) {
        if (a instanceof Attribute.IntAttr i) {
            return i.value();
        }
        throw wrongKind(name, "an int");
    }

    private double asDouble(String name, Attribute a) {
        if (a instanceof Attribute.FloatAttr f) {
            return f.value();
        }
        if (a instanceof Attribute.IntAttr i) {
            return i.value();
        }
        throw wrongKind(name, "a float");
    }

    private NncException wrongKind(String name, String kind) {
        return new NncException(op.location(), op.name() + " attribute '" + name + "' must be " + kind);
    }
}
