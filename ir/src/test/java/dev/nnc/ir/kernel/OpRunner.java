package dev.nnc.ir.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Block;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs one op's reference semantics on given tensors, and makes random fixed-point tensors. */
final class OpRunner {
    private OpRunner() {
    }

    static Operation op(String name, List<Tensor> inputs, TensorType result, Map<String, Attribute> props) {
        Block b = new Block();
        List<Value> operands = new ArrayList<>();
        for (Tensor t : inputs) {
            operands.add(b.addArgument(t.tensorType(), null));
        }
        return Operation.create(name, operands, List.of(result), props, null);
    }

    /** The op's result; its verifier must accept the op first. */
    static Tensor run(String name, List<Tensor> inputs, TensorType result, Map<String, Attribute> props) {
        Operation op = op(name, inputs, result, props);
        OpSpec spec = DialectRegistry.standard().lookup(name).orElseThrow();
        if (spec.verifier() != null && name.startsWith("kernel.")) {
            List<String> errors = new ArrayList<>();
            spec.verifier().verify(op, errors::add);
            if (!errors.isEmpty()) {
                throw new AssertionError(errors);
            }
        }
        return (Tensor) spec.semantics().evaluate(new EvalContext(op, spec, inputs, 13)).get(0);
    }

    static Tensor random(Random r, FixedType t, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        long[] v = new long[n];
        long lo = KernelTypes.minRaw(t);
        long span = KernelTypes.maxRaw(t) - lo + 1;
        for (int i = 0; i < n; i++) {
            v[i] = lo + Math.floorMod(r.nextLong(), span);
        }
        return Tensor.ofLongs(t, shape, v);
    }

    static TensorType type(ElementType e, int... shape) {
        return TensorType.of(e, shape);
    }

    static Attribute.ArrayAttr ints(long... v) {
        return Attribute.ints(v);
    }
}
