package dev.nnc.cli.conformance;

import dev.nnc.ir.tensor.OptionalValue;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import java.util.Arrays;

/**
 * The ONNX backend-test comparison rule: floats match when |actual − expected| ≤ atol + rtol·|expected|
 * (NaN matches NaN, infinities must be equal), integers, booleans and strings exactly; element type
 * and shape must agree.
 */
public record TensorComparison(double rtol, double atol) {
    public static final TensorComparison ONNX_NODE_TESTS = new TensorComparison(1e-3, 1e-7);

    /**
     * As {@link #mismatch(Tensor, Tensor)} for any runtime value: sequences match when they have the
     * same length and element type and each tensor matches; optionals when both are empty or both
     * hold matching values.
     */
    public String mismatch(RuntimeValue expected, RuntimeValue actual) {
        if (actual == null) {
            return "no value computed";
        }
        if (!expected.kind().equals(actual.kind())) {
            return actual.kind() + ", expected " + expected.kind();
        }
        if (expected instanceof Tensor e) {
            return mismatch(e, (Tensor) actual);
        }
        if (expected instanceof TensorSequence e) {
            TensorSequence a = (TensorSequence) actual;
            if (e.size() != a.size()) {
                return "sequence of " + a.size() + " tensors, expected " + e.size();
            }
            if (!e.elementType().equals(a.elementType())) {
                return "sequence of " + a.elementType().spelling() + ", expected " + e.elementType().spelling();
            }
            for (int i = 0; i < e.size(); i++) {
                String why = mismatch(e.get(i), a.get(i));
                if (why != null) {
                    return "sequence element " + i + ": " + why;
                }
            }
            return null;
        }
        OptionalValue e = (OptionalValue) expected;
        OptionalValue a = (OptionalValue) actual;
        if (e.isPresent() != a.isPresent()) {
            return a.isPresent() ? "optional holds a value, expected empty" : "optional is empty, expected a value";
        }
        return e.isPresent() ? mismatch(e.value(), a.value()) : null;
    }

    /** Null when {@code actual} matches {@code expected}, else a one-line description of the first mismatch. */
    public String mismatch(Tensor expected, Tensor actual) {
        if (actual == null) {
            return "no value computed";
        }
        if (!expected.elementType().equals(actual.elementType())) {
            return "element type " + actual.elementType().spelling() + ", expected " + expected.elementType().spelling();
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        int bad = -1;
        int count = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (!elementMatches(expected, actual, i)) {
                count++;
                if (bad < 0) {
                    bad = i;
                }
            }
        }
        if (bad < 0) {
            return null;
        }
        return count + " of " + expected.size() + " elements differ, first at " + bad + ": got "
                + element(actual, bad) + ", expected " + element(expected, bad);
    }

    private boolean elementMatches(Tensor e, Tensor a, int i) {
        if (e.isStrings()) {
            return e.strings()[i].equals(a.strings()[i]);
        }
        if (e.isLongs()) {
            return e.longs()[i] == a.longs()[i];
        }
        double x = e.doubles()[i];
        double y = a.doubles()[i];
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return x == y;
        }
        return Math.abs(y - x) <= atol + rtol * Math.abs(x);
    }

    private static String element(Tensor t, int i) {
        if (t.isStrings()) {
            return '"' + t.strings()[i] + '"';
        }
        return t.isLongs() ? String.valueOf(t.longs()[i]) : String.valueOf(t.doubles()[i]);
    }
}
