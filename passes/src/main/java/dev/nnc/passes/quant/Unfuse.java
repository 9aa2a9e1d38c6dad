package dev.nnc.passes.quant;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits {@code onnx.FusedConv}/{@code onnx.FusedGemm} with a Relu or Clip activation back into
 * the base op and the activation, so quantize also runs after {@code -O2}'s {@code fuse}: the q
 * form needs the layer's cast between the two. The activation keeps the fused op's result (name,
 * calibration range, location); the base op's result is new. Other fused activations are an
 * error naming the node.
 *
 * <pre>
 * before: %y = "onnx.FusedConv"(%x, %W, %B) &lt;{activation = "Relu", activation_params = [], ...}&gt;
 * after:  %c = "onnx.Conv"(%x, %W, %B) &lt;{...}&gt;   %y = "onnx.Relu"(%c)
 * </pre>
 */
final class Unfuse {
    private Unfuse() {
    }

    static int run(ModuleOp module, PassContext context) {
        int n = 0;
        for (Operation op : new ArrayList<>(module.mainFunction().body().operations())) {
            if (op.name().equals("onnx.FusedConv") || op.name().equals("onnx.FusedGemm")) {
                split(op, module.opset(), context);
                n++;
            }
        }
        return n;
    }

    private static void split(Operation fused, int opset, PassContext context) {
        String act = fused.property("activation") instanceof Attribute.StringAttr s ? s.value() : "";
        if (!act.equals("Relu") && !act.equals("Clip")) {
            throw context.error(fused, fused.name() + ": cannot quantize a fused " + act
                    + " (only Relu and Clip); run quantize before 'fuse', or fuse{activations=relu,clip}");
        }
        Map<String, Attribute> props = new TreeMap<>(fused.properties());
        props.remove("activation");
        Attribute params = props.remove("activation_params");
        String base = fused.name().equals("onnx.FusedConv") ? "onnx.Conv" : "onnx.Gemm";
        Value y = fused.result(0);
        String hint = (y.nameHint() == null ? "v" : y.nameHint()) + "_linear";
        Value linear = QEmitter.op(fused, base, fused.operands(), y.type(), props, hint);
        List<Value> operands = new ArrayList<>(List.of(linear));
        Map<String, Attribute> actProps = new TreeMap<>();
        if (act.equals("Clip")) {
            List<Attribute> p = params instanceof Attribute.ArrayAttr a ? a.values() : List.of();
            if (p.size() != 2) {
                throw new NncException(fused.location(), fused.name() + ": a fused Clip needs 2 activation_params");
            }
            for (int i = 0; i < 2; i++) {
                double v = ((Attribute.FloatAttr) p.get(i)).value();
                if (opset < 11) {
                    actProps.put(i == 0 ? "min" : "max", new Attribute.FloatAttr(v)); // bounds were attributes then
                } else {
                    operands.add(QEmitter.constant(fused, Tensor.ofDoubles(((TensorType) y.type()).elementType(), new int[0],
                            new double[] {v}), hint + (i == 0 ? "_min" : "_max")));
                }
            }
        }
        Operation a = Operation.create("onnx." + act, operands, List.of(y.type()), actProps, fused.location());
        fused.parent().insertBefore(fused, a);
        a.attributes().putAll(fused.attributes());
        a.result(0).setNameHint(y.nameHint());
        y.replaceAllUsesWith(a.result(0));
        fused.parent().erase(fused);
    }
}
