package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorSequence;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.SequenceType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * ONNX sequences: building and editing them ({@code SequenceConstruct}, {@code SequenceEmpty},
 * {@code SequenceInsert}, {@code SequenceErase}), reading them ({@code SequenceAt},
 * {@code SequenceLength}), converting to and from tensors ({@code ConcatFromSequence},
 * {@code SplitToSequence}, see {@link SequenceTensors}) and {@code SequenceMap}, which runs its
 * body region once per element. Sequence values are immutable {@link TensorSequence}s.
 */
public final class SequenceKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/sequence.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("SequenceConstruct", SequenceKernels::inferConstruct, ctx -> List.of(construct(ctx)));
        t.op("SequenceEmpty", ctx -> Collections.singletonList(OnnxDataType.toElementType((int) ctx.attrs().getInt("dtype", 1))
                        .map(e -> (Type) seqOf(TensorType.unranked(e))).orElse(null)),
                ctx -> List.of(TensorSequence.empty(dtype(ctx))));
        t.op("SequenceAt", ctx -> Collections.singletonList(elementOf(ctx.operandType(0))), ctx -> List.of(at(ctx)));
        t.op("SequenceInsert", SequenceKernels::inferInsert, ctx -> List.of(insert(ctx)));
        t.op("SequenceErase", ctx -> Collections.singletonList(ctx.operandType(0)), ctx -> List.of(erase(ctx)));
        t.op("SequenceLength", ctx -> List.of(TensorType.of(IntegerType.I64)),
                ctx -> List.of(Tensor.scalar(IntegerType.I64, sequence(ctx, 0).size())));
        t.op("ConcatFromSequence", ctx -> Collections.singletonList(unrankedElementOf(ctx.operandType(0))),
                ctx -> List.of(SequenceTensors.concat(ctx, sequence(ctx, 0))));
        t.op("SplitToSequence", ctx -> Collections.singletonList(
                        Infer.elementType(ctx.operandType(0)) == null ? null
                                : seqOf(TensorType.unranked(Infer.elementType(ctx.operandType(0))))),
                ctx -> List.of(SequenceTensors.split(ctx)));
        t.op("SequenceMap", SequenceKernels::inferMap, SequenceKernels::map);
    }

    /** Operand {@code i} as a sequence; a clear error when it is a tensor or optional. */
    static TensorSequence sequence(EvalContext ctx, int i) {
        RuntimeValue v = ctx.value(i);
        if (v instanceof TensorSequence s) {
            return s;
        }
        throw ctx.error("input " + i + " must be a sequence, got " + (v == null ? "nothing" : v.kind()));
    }

    private static TensorSequence construct(EvalContext ctx) {
        List<Tensor> items = ctx.inputs();
        ElementType e = items.get(0).elementType();
        for (Tensor x : items) {
            if (!x.elementType().equals(e)) {
                throw ctx.error("inputs have different element types " + e.spelling() + " and " + x.elementType().spelling());
            }
        }
        return new TensorSequence(e, items);
    }

    private static Tensor at(EvalContext ctx) {
        TensorSequence s = sequence(ctx, 0);
        return s.get(position(ctx, 1, s.size(), false));
    }

    private static TensorSequence insert(EvalContext ctx) {
        TensorSequence s = sequence(ctx, 0);
        Tensor x = ctx.input(1);
        if (!x.elementType().equals(s.elementType())) {
            throw ctx.error("cannot insert a tensor of " + x.elementType().spelling() + " into a sequence of "
                    + s.elementType().spelling());
        }
        int at = ctx.hasInput(2) ? position(ctx, 2, s.size(), true) : s.size();
        return s.insert(at, x);
    }

    private static TensorSequence erase(EvalContext ctx) {
        TensorSequence s = sequence(ctx, 0);
        if (s.size() == 0) {
            throw ctx.error("cannot erase from an empty sequence");
        }
        int at = ctx.hasInput(1) ? position(ctx, 1, s.size(), false) : s.size() - 1;
        return s.erase(at);
    }

    /**
     * The position operand {@code i} (a scalar, negative counts from the back) checked against a
     * sequence of {@code size}: [-size, size-1], or [-size, size] when inserting.
     */
    private static int position(EvalContext ctx, int i, int size, boolean inserting) {
        Tensor p = ctx.input(i);
        if (p.size() != 1 || !(p.elementType() instanceof IntegerType)) {
            throw ctx.error("position must be an integer scalar");
        }
        long pos = p.getLong(0);
        long hi = inserting ? size : size - 1;
        if (pos < -size || pos > hi) {
            throw ctx.error("position " + pos + " is out of range [" + -size + ", " + hi + "] for a sequence of "
                    + size + " tensors");
        }
        return (int) (pos < 0 ? pos + size : pos);
    }

    /**
     * Runs the body once per element of the input sequence; a sequence among the additional
     * inputs supplies its element at the same position, a tensor is passed unchanged every time.
     * Each body output collects into one result sequence.
     */
    private static List<TensorSequence> map(EvalContext ctx) {
        int n = sequence(ctx, 0).size();
        for (int j = 1; j < ctx.numInputs(); j++) {
            if (ctx.value(j) instanceof TensorSequence s && s.size() != n) {
                throw ctx.error("input sequences have different lengths " + n + " and " + s.size());
            }
        }
        List<List<Tensor>> collected = new ArrayList<>();
        for (int k = 0; k < ctx.numOutputs(); k++) {
            collected.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            List<RuntimeValue> args = new ArrayList<>();
            for (int j = 0; j < ctx.numInputs(); j++) {
                RuntimeValue v = ctx.value(j);
                args.add(v instanceof TensorSequence s ? s.get(i) : v);
            }
            List<RuntimeValue> outs = ctx.runRegion(0, args);
            for (int k = 0; k < ctx.numOutputs(); k++) {
                if (!(outs.get(k) instanceof Tensor out)) {
                    throw ctx.error("body output " + k + " must be a tensor");
                }
                collected.get(k).add(out);
            }
        }
        List<TensorSequence> results = new ArrayList<>();
        for (int k = 0; k < ctx.numOutputs(); k++) {
            List<Tensor> items = collected.get(k);
            ElementType e = items.isEmpty() ? declaredElement(ctx.outputType(k)) : items.get(0).elementType();
            for (Tensor x : items) {
                if (!x.elementType().equals(e)) {
                    throw ctx.error("body output " + k + " changes element type between iterations");
                }
            }
            results.add(new TensorSequence(e, items));
        }
        return results;
    }

    /** SequenceEmpty's {@code dtype} (float when not given). */
    private static ElementType dtype(EvalContext ctx) {
        long code = ctx.attrs().getInt("dtype", 1);
        return OnnxDataType.toElementType((int) code).orElseThrow(
                () -> ctx.error("dtype " + code + " is not a tensor element type nnc supports"));
    }

    /** The tensor element type of a declared sequence type, f32 when unknown (an empty result). */
    private static ElementType declaredElement(Type t) {
        return elementOf(t) instanceof TensorType tt ? tt.elementType() : FloatType.F32;
    }

    static SequenceType seqOf(Type element) {
        return new SequenceType(element);
    }

    /** The element type of a sequence type, or null. */
    static Type elementOf(Type t) {
        return t instanceof SequenceType s ? s.element() : null;
    }

    private static Type unrankedElementOf(Type t) {
        return elementOf(t) instanceof TensorType tt ? TensorType.unranked(tt.elementType()) : null;
    }

    private static List<Type> inferConstruct(InferContext ctx) {
        Type first = ctx.operandType(0);
        if (!(first instanceof TensorType ft)) {
            return Infer.unknown(1);
        }
        boolean same = ctx.operandTypes().stream().allMatch(first::equals);
        return List.of(seqOf(same ? first : TensorType.unranked(ft.elementType())));
    }

    private static List<Type> inferInsert(InferContext ctx) {
        Type seq = ctx.operandType(0);
        Type item = ctx.operandType(1);
        if (!(elementOf(seq) instanceof TensorType e)) {
            return Infer.unknown(1);
        }
        return List.of(e.equals(item) ? seq : seqOf(TensorType.unranked(e.elementType())));
    }

    /** Each result is a sequence of what the body yields for that output. */
    private static List<Type> inferMap(InferContext ctx) {
        Operation op = ctx.op();
        List<Type> out = Infer.unknown(op.numResults());
        if (op.regions().isEmpty() || op.region(0).blocks().isEmpty() || op.region(0).entry().terminator() == null) {
            return out;
        }
        Operation ret = op.region(0).entry().terminator();
        for (int k = 0; k < out.size() && k < ret.numOperands(); k++) {
            Type t = ret.operand(k).type();
            out.set(k, t instanceof TensorType tt ? seqOf(TensorType.unranked(tt.elementType())) : null);
        }
        return out;
    }
}
