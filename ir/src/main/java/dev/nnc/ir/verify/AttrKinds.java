package dev.nnc.ir.verify;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.spec.AttrKind;

/** Which {@link Attribute} record each ONNX attribute kind is stored as. */
final class AttrKinds {
    private AttrKinds() {
    }

    static boolean matches(AttrKind kind, Attribute a) {
        return switch (kind) {
            case INT -> a instanceof Attribute.IntAttr;
            case FLOAT -> a instanceof Attribute.FloatAttr;
            case STRING -> a instanceof Attribute.StringAttr;
            case INTS -> allOf(a, Attribute.IntAttr.class);
            case FLOATS -> allOf(a, Attribute.FloatAttr.class);
            case STRINGS -> allOf(a, Attribute.StringAttr.class);
            case TENSOR -> a instanceof Attribute.DenseAttr;
            case TYPE -> a instanceof Attribute.TypeAttr;
            // subgraphs are regions; the verifier rejects a graph attribute given as a property
            case GRAPH -> false;
        };
    }

    /** How the expected form is described in messages. */
    static String describe(AttrKind kind) {
        return switch (kind) {
            case INT -> "an integer";
            case FLOAT -> "a float";
            case STRING -> "a string";
            case INTS -> "a list of integers";
            case FLOATS -> "a list of floats";
            case STRINGS -> "a list of strings";
            case TENSOR -> "a dense tensor";
            case TYPE -> "a type";
            case GRAPH -> "a graph";
        };
    }

    /** Short name of an attribute's actual form. */
    static String nameOf(Attribute a) {
        if (a instanceof Attribute.ArrayAttr arr) {
            return arr.values().isEmpty() ? "an empty list" : "a list whose first element is " + nameOf(arr.values().get(0));
        }
        if (a instanceof Attribute.IntAttr) {
            return "an integer";
        }
        if (a instanceof Attribute.FloatAttr) {
            return "a float";
        }
        if (a instanceof Attribute.StringAttr) {
            return "a string";
        }
        if (a instanceof Attribute.DenseAttr) {
            return "a dense tensor";
        }
        if (a instanceof Attribute.TypeAttr) {
            return "a type";
        }
        return "a unit attribute";
    }

    private static boolean allOf(Attribute a, Class<? extends Attribute> element) {
        return a instanceof Attribute.ArrayAttr arr && arr.values().stream().allMatch(element::isInstance);
    }
}
