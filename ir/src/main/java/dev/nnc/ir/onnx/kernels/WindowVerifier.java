package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.type.TensorType;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Static checks shared by the sliding-window ops (convolutions and pools): a known
 * {@code auto_pad}, positive {@code group}, and window attributes whose lengths match the input's
 * spatial rank ({@code pads} twice that).
 */
final class WindowVerifier implements OpVerifier {
    private static final Set<String> AUTO_PADS = Set.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");
    private static final String[] PER_DIM = {"kernel_shape", "strides", "dilations", "output_padding"};

    @Override
    public void verify(Operation op, Consumer<String> error) {
        if (op.property("auto_pad") instanceof Attribute.StringAttr s && !AUTO_PADS.contains(s.value())) {
            error.accept("auto_pad must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '" + s.value() + "'");
        }
        if (op.property("group") instanceof Attribute.IntAttr g && g.value() < 1) {
            error.accept("group must be positive, got " + g.value());
        }
        if (op.numOperands() == 0 || !(op.operand(0).type() instanceof TensorType t) || !t.hasRank()) {
            return;
        }
        int spatial = t.rank() - 2;
        if (spatial < 1) {
            error.accept("input must have rank >= 3 (N, C, spatial...), got rank " + t.rank());
            return;
        }
        for (String name : PER_DIM) {
            checkLength(op, name, spatial, error);
        }
        checkLength(op, "pads", 2 * spatial, error);
    }

    private static void checkLength(Operation op, String name, int expected, Consumer<String> error) {
        if (op.property(name) instanceof Attribute.ArrayAttr a && !a.values().isEmpty() && a.values().size() != expected) {
            error.accept("attribute '" + name + "' has " + a.values().size() + " values, the input needs " + expected);
        }
    }
}
