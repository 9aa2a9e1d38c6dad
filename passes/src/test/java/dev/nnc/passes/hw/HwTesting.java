package dev.nnc.passes.hw;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.text.IrParser;
import java.util.List;

/** Kernel- and hw-level modules for the hw pass tests, written as IR text. */
final class HwTesting {
    static final String F8 = "fixed<8,3>";

    private HwTesting() {
    }

    /** A module whose main function takes {@code %x: in}, runs {@code body} and returns {@code %y: out}. */
    static ModuleOp module(String in, String body, String out) {
        String text = "\"builtin.module\"() <{opset = 17}> ({\n"
                + "  \"func.func\"() <{arg_names = [\"x\"], result_names = [\"y\"], sym_name = \"main\"}> ({\n"
                + "  ^bb0(%x: " + in + "):\n" + body + "\n    \"func.return\"(%y) : (" + out + ") -> ()\n"
                + "  }) : () -> ()\n}) : () -> ()\n";
        return IrParser.parse(text, "test.nir");
    }

    static List<Operation> ops(ModuleOp m, String name) {
        return m.mainFunction().body().operations().stream().filter(o -> o.name().equals(name)).toList();
    }

    /** A kernel.mvau line: {@code mh}×{@code mw} weights counting up, one requantizer. */
    static String mvau(String result, String operand, String inShape, String outShape, int mh, int mw, String extra) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < mh * mw; i++) {
            w.append(i > 0 ? ", " : "").append(i % 15 - 7);
        }
        return "    " + result + " = \"kernel.mvau\"(" + operand + ") <{acc_type = fixed<24,14>, multipliers = [1], shifts = [5],"
                + " weights = dense<[" + w + "]> : tensor<" + mh + "x" + mw + "x" + F8 + ">" + extra + "}> : (tensor<"
                + inShape + "x" + F8 + ">) -> tensor<" + outShape + "x" + F8 + ">";
    }
}
