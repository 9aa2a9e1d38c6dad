package dev.nnc.passes.kernel;

import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.type.FixedType;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Writes q-level modules (the form of docs/hardware.md §1) as IR text with random raws, one op a
 * line: {@code %name = op : (types) -> type}. Tests lower them and compare the interpreter's raws.
 */
final class QModelText {
    private final StringBuilder body = new StringBuilder();
    private final Random random;
    private final String input;
    private final String inputType;

    QModelText(long seed, String input, String inputType) {
        this.random = new Random(seed);
        this.input = input;
        this.inputType = inputType;
    }

    static String t(FixedType e, int... shape) {
        StringJoiner j = new StringJoiner("x");
        for (int d : shape) {
            j.add(String.valueOf(d));
        }
        return "tensor<" + (shape.length == 0 ? "" : j + "x") + e.spelling() + ">";
    }

    /** A constant of random raws of type e. */
    String constant(String name, FixedType e, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        StringJoiner v = new StringJoiner(", ", "[", "]");
        long lo = e.signed() ? -(1L << (e.width() - 1)) : 0;
        long span = 1L << e.width();
        for (int i = 0; i < n; i++) {
            v.add(String.valueOf(lo + Math.floorMod(random.nextLong(), span)));
        }
        String ty = t(e, shape);
        line("%" + name + " = \"onnx.Constant\"() <{value = dense<" + v + "> : " + ty + "}> : () -> " + ty + " loc(\"" + name + "\")");
        return "%" + name;
    }

    /** {@code %name = "op"(args) <{props}> : (argTypes) -> resultType loc("name")}. */
    String op(String name, String op, String props, String args, String argTypes, String resultType) {
        line("%" + name + " = \"" + op + "\"(" + args + ")" + (props.isEmpty() ? "" : " <{" + props + "}>") + " : (" + argTypes
                + ") -> " + resultType + " loc(\"" + name + "\")");
        return "%" + name;
    }

    void line(String s) {
        body.append("    ").append(s).append('\n');
    }

    String module(String output, String outputType) {
        return "\"builtin.module\"() <{opset = 13}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"" + input + "\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%" + input + ": " + inputType + "):\n" + body
                + "    \"func.return\"(" + output + ") : (" + outputType + ") -> ()\n"
                + "  }) : () -> ()\n}) : () -> ()\n";
    }

    static FixedType dot(FixedType x, FixedType w, int n, FixedType bias) {
        FixedType d = FixedRules.dot(x, w, n);
        return bias == null ? d : FixedRules.sum(d, bias);
    }

    Random random() {
        return random;
    }
}
