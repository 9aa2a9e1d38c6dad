package dev.nnc.passes.quant;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One dense or convolution layer in the form of docs/hardware.md §1: Conv/Gemm/MatMul on fixed
 * operands with fixed constant weights (and bias in the accumulator type), declaring the exact
 * accumulator type; one {@code q.cast} (per-tensor weights) or {@code q.requantize} (per-channel
 * weights: multiplier M_c·2^−s_c ≈ s_c·2^(F_out − F_acc)) to the layer's output type; then the
 * following Relu/Clip, when it is the layer's only user, on that type. The output type comes
 * from the range observed after the activation, so a Relu layer at {@code bits} gets an
 * unsigned type whose saturation already clamps the negatives.
 */
final class LayerRewriter {
    private final GraphQuantizer g;
    private final Operation op;

    LayerRewriter(GraphQuantizer g, Operation op) {
        this.g = g;
        this.op = op;
    }

    void rewrite() {
        boolean conv = op.name().equals("onnx.Conv");
        boolean gemm = op.name().equals("onnx.Gemm");
        Value x = g.fixedOf(op.operand(0), op);
        Tensor w = constant(op.operand(1));
        if (w == null || !w.elementType().isFloat()) {
            throw g.error(op, "weights must be a float constant to quantize");
        }
        boolean hasBias = op.numOperands() > 2 && !isAbsent(op.operand(2));
        Tensor b = hasBias ? constant(op.operand(2)) : null;
        if (hasBias && b == null) {
            throw g.error(op, "the bias must be a constant to quantize");
        }
        Map<String, Attribute> props = new TreeMap<>(op.properties());
        double alpha = 1;
        double beta = 1;
        int channelAxis = 1;
        int taps;
        if (conv) {
            channelAxis = 0;
            taps = w.size() / w.dim(0);
        } else {
            if (w.rank() != 2 || g.rank(op.operand(0)) != 2) {
                throw g.error(op, "only 2-D matrix products can be quantized");
            }
            if (gemm) {
                if (intProp("transA") != 0) {
                    throw g.error(op, "Gemm with transA = 1 is not supported by quantize");
                }
                alpha = floatProp("alpha", 1);
                beta = floatProp("beta", 1);
                props.remove("alpha");
                props.remove("beta");
                channelAxis = intProp("transB") != 0 ? 0 : 1;
            }
            taps = w.dim(1 - channelAxis);
        }
        LayerSettings s = g.settings(op);
        Tensor scaled = alpha == 1 ? w : scale(w, alpha);
        WeightQuant wq = s.perChannel() ? WeightQuant.perChannel(scaled, channelAxis, s.weightWidth())
                : WeightQuant.perTensor(scaled, s.weightWidth());
        FixedType xt = (FixedType) ((TensorType) x.type()).elementType();
        FixedType acc;
        try {
            acc = FixedRules.dot(xt, wq.type(), taps);
            if (b != null) {
                acc = FixedRules.sum(acc, acc);
            }
        } catch (ArithmeticException e) {
            throw g.error(op, e.getMessage());
        }
        String hint = op.result(0).nameHint();
        List<Value> operands = new ArrayList<>(List.of(x, QEmitter.constant(op, wq.weights(), op.operand(1).nameHint() + "_q")));
        if (b != null) {
            FixedType biasType = FixedRules.dot(xt, wq.type(), taps);
            operands.add(QEmitter.constant(op, wq.bias(b, beta, biasType, w.dim(channelAxis)), op.operand(2).nameHint() + "_q"));
        }
        Value accumulated = QEmitter.op(op, op.name(), operands, QEmitter.retyped(op.result(0), acc), props, hint + "_acc");
        output(accumulated, acc, wq, s);
    }

    /** The output cast/requantisation and the absorbed activation. */
    private void output(Value accumulated, FixedType acc, WeightQuant wq, LayerSettings s) {
        Value result = op.result(0);
        Operation act = activationUser(result);
        FixedType out = g.outputType(op, act != null ? act.result(0) : result, s);
        Value y;
        if (wq.scales() == null) {
            y = QEmitter.op(op, "q.cast", List.of(accumulated), QEmitter.retyped(result, out), QEmitter.mode(s.mode()), result.nameHint());
        } else {
            List<Requantizer> rs = new ArrayList<>();
            for (double sc : wq.scales()) {
                rs.add(Requantizer.fromScale(Math.scalb(sc, out.fractionBits() - acc.fractionBits())));
            }
            y = QEmitter.op(op, "q.requantize", List.of(accumulated), QEmitter.retyped(result, out),
                    QEmitter.requantize(rs, s.mode()), result.nameHint());
        }
        g.map(result, y);
        if (act != null) {
            g.absorb(act);
            g.activation(act, y, act.result(0), s);
        }
    }

    /** The Relu or constant-bound Clip that is the only user of {@code v} (and v no graph output), else null. */
    private static Operation activationUser(Value v) {
        if (v.uses().size() != 1) {
            return null;
        }
        Operation u = v.uses().get(0).user();
        if (u.name().equals("onnx.Relu")) {
            return u;
        }
        if (u.name().equals("onnx.Clip") && u.operand(0) == v) {
            for (int i = 1; i < u.numOperands(); i++) {
                if (!isAbsent(u.operand(i)) && constant(u.operand(i)) == null) {
                    return null;
                }
            }
            return u;
        }
        return null;
    }

    private static Tensor scale(Tensor w, double alpha) {
        double[] v = w.doubles().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= alpha;
        }
        return Tensor.ofDoubles(w.elementType(), w.shape(), v);
    }

    private long intProp(String name) {
        return op.property(name) instanceof Attribute.IntAttr i ? i.value() : 0;
    }

    private double floatProp(String name, double dflt) {
        return op.property(name) instanceof Attribute.FloatAttr f ? f.value() : dflt;
    }

    /** The tensor of a value defined by onnx.Constant (any of its forms), else null. */
    static Tensor constant(Value v) {
        Operation d = v.definingOp();
        if (d == null || !d.name().equals("onnx.Constant")) {
            return null;
        }
        if (d.property("value") instanceof Attribute.DenseAttr dense) {
            return dense.value();
        }
        OpSpec spec = DialectRegistry.standard().lookup("onnx.Constant").orElseThrow();
        try {
            return spec.semantics().evaluate(new EvalContext(d, spec, List.of(), 13)).get(0) instanceof Tensor t ? t : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean isAbsent(Value v) {
        return v.definingOp() != null && v.definingOp().name().equals("onnx.NoValue");
    }
}
