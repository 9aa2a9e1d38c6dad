package dev.nnc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import org.junit.jupiter.api.Test;

class IrPrinterTest {
    @Test
    void printsMnistConvInGenericForm() {
        String text = IrPrinter.print(IrSamples.mnistConv());
        String expected = """
                "builtin.module"() <{opset = 13}> ({
                  "func.func"() <{arg_names = ["Input3"], result_names = ["out"], sym_name = "main"}> ({
                  ^bb0(%Input3: tensor<1x1x28x28xf32>):
                    %w = "onnx.Constant"() <{value = dense_resource<w> : tensor<8x1x5x5xf32>}> : () -> tensor<8x1x5x5xf32> loc("Parameter5")
                    %none = "onnx.NoValue"() : () -> none
                    %c = "onnx.Conv"(%Input3, %w, %none) <{auto_pad = "SAME_UPPER", group = 1, strides = [1, 1]}> : (tensor<1x1x28x28xf32>, tensor<8x1x5x5xf32>, none) -> tensor<1x8x28x28xf32> loc("Convolution28")
                    "func.return"(%c) : (tensor<1x8x28x28xf32>) -> ()
                  }) : () -> ()
                }) : () -> ()

                {-#
                  dialect_resources: {
                    builtin: {
                      w: "0x""";
        assertTrue(text.startsWith(expected), text);
        assertTrue(text.endsWith("\"\n    }\n  }\n#-}\n"), text);
    }

    @Test
    void printsOneNestedOpWithTheNamesOfItsFunction() {
        ModuleOp m = IrSamples.mnistConv();
        m.mainFunction().body().operations().get(1).result(0).setNameHint(null);
        String text = IrPrinter.print(m.mainFunction().body().operations().get(2));
        assertTrue(text.startsWith("%c = \"onnx.Conv\"(%Input3, %w, %0) <{auto_pad"), text);
        assertTrue(text.endsWith("loc(\"Convolution28\")\n"), text);
    }

    @Test
    void roundTripsMnistConv() {
        ModuleOp m = IrSamples.mnistConv();
        RoundTrip.check(m);
    }
}
