package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.Type;
import dev.nnc.ir.type.Unsigned;
import java.util.Collections;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Comparisons (bool results; NaN compares false, u64 compares unsigned, Equal also takes bools
 * and strings), boolean logic, bitwise ops and shifts on integers, and the three-way broadcasting
 * {@code Where}.
 */
public final class LogicKernels implements KernelFamily {
    /** The order relation a comparison op tests. */
    private enum Cmp { EQ, LT, LE, GT, GE }

    @Override
    public String table() {
        return "kernels/logic.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("Equal", ElementwiseInfer::bool, ctx -> compare(ctx, Cmp.EQ));
        t.op("Less", ElementwiseInfer::bool, ctx -> compare(ctx, Cmp.LT));
        t.op("LessOrEqual", ElementwiseInfer::bool, ctx -> compare(ctx, Cmp.LE));
        t.op("Greater", ElementwiseInfer::bool, ctx -> compare(ctx, Cmp.GT));
        t.op("GreaterOrEqual", ElementwiseInfer::bool, ctx -> compare(ctx, Cmp.GE));
        t.op("And", ElementwiseInfer::bool, ctx -> logic(ctx, (a, b) -> a & b));
        t.op("Or", ElementwiseInfer::bool, ctx -> logic(ctx, (a, b) -> a | b));
        t.op("Xor", ElementwiseInfer::bool, ctx -> logic(ctx, (a, b) -> a ^ b));
        t.op("Not", Infer::sameAsFirst, ctx -> List.of(ElementwiseSupport.mapLong(
                ElementwiseSupport.requireBool(ctx, ctx.input(0), "input"), BoolType.I1, x -> x ^ 1)));
        t.op("BitwiseAnd", ElementwiseInfer::sameElement, ctx -> bitwise(ctx, (a, b) -> a & b));
        t.op("BitwiseOr", ElementwiseInfer::sameElement, ctx -> bitwise(ctx, (a, b) -> a | b));
        t.op("BitwiseXor", ElementwiseInfer::sameElement, ctx -> bitwise(ctx, (a, b) -> a ^ b));
        t.op("BitwiseNot", Infer::sameAsFirst, ctx -> {
            Tensor x = ElementwiseSupport.requireInteger(ctx, ctx.input(0), "X");
            return List.of(ElementwiseSupport.mapLong(x, x.elementType(), v -> ~v));
        });
        t.op("BitShift", ElementwiseInfer::sameElement, LogicKernels::bitShift);
        t.op("Where", LogicKernels::whereType, ctx -> List.of(where(ctx)));
    }

    private static List<Tensor> compare(EvalContext ctx, Cmp cmp) {
        Tensor a = ctx.input(0);
        Tensor b = ElementwiseSupport.alignLegacy(ctx, a, ctx.input(1));
        ElementwiseSupport.requireSameType(ctx, a, b);
        ElementType e = a.elementType();
        if (ElementwiseSupport.isString(e)) {
            if (cmp != Cmp.EQ) {
                throw ctx.error("strings can only be compared for equality");
            }
            return List.of(equalStrings(ctx, a, b));
        }
        if (e.isFloat()) {
            return List.of(ElementwiseSupport.compareDouble(ctx, a, b, (x, y) -> switch (cmp) {
                case EQ -> x == y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
            }));
        }
        if (!e.isIntegral()) {
            throw ctx.error("cannot compare " + e.spelling() + " tensors");
        }
        boolean u64 = Unsigned.isU64(e);
        return List.of(ElementwiseSupport.compareLong(ctx, a, b, (x, y) -> {
            int c = u64 ? Long.compareUnsigned(x, y) : Long.compare(x, y);
            return switch (cmp) {
                case EQ -> c == 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }));
    }

    private static Tensor equalStrings(EvalContext ctx, Tensor a, Tensor b) {
        int[] shape = ElementwiseSupport.broadcastShape(ctx, a, b);
        int[] ia = Shapes.broadcastIndex(a.shape(), shape);
        int[] ib = Shapes.broadcastIndex(b.shape(), shape);
        long[] r = new long[ia.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.strings()[ia[i]].equals(b.strings()[ib[i]]) ? 1 : 0;
        }
        return Tensor.ofLongs(BoolType.I1, shape, r);
    }

    private static List<Tensor> logic(EvalContext ctx, LongBinaryOperator f) {
        Tensor a = ElementwiseSupport.requireBool(ctx, ctx.input(0), "A");
        Tensor b = ElementwiseSupport.requireBool(ctx, ElementwiseSupport.alignLegacy(ctx, a, ctx.input(1)), "B");
        return List.of(ElementwiseSupport.zipLong(ctx, a, b, BoolType.I1, f));
    }

    private static List<Tensor> bitwise(EvalContext ctx, LongBinaryOperator f) {
        Tensor a = ElementwiseSupport.requireInteger(ctx, ctx.input(0), "A");
        Tensor b = ctx.input(1);
        ElementwiseSupport.requireSameType(ctx, a, b);
        return List.of(ElementwiseSupport.zipLong(ctx, a, b, a.elementType(), f));
    }

    /** Shifts by Y bits; a shift of the width or more gives 0 (right shifts of unsigned types are logical). */
    private static List<Tensor> bitShift(EvalContext ctx) {
        Tensor x = ElementwiseSupport.requireInteger(ctx, ctx.input(0), "X");
        Tensor y = ctx.input(1);
        ElementwiseSupport.requireSameType(ctx, x, y);
        String dir = ctx.attrs().getString("direction");
        IntegerType it = (IntegerType) x.elementType();
        int width = it.width();
        boolean left;
        if (dir.equals("LEFT")) {
            left = true;
        } else if (dir.equals("RIGHT")) {
            left = false;
        } else {
            throw ctx.error("direction must be LEFT or RIGHT, got '" + dir + "'");
        }
        return List.of(ElementwiseSupport.zipLong(ctx, x, y, it, (v, s) -> {
            if (s < 0 || s >= width) {
                return !left && it.signed() && v < 0 ? -1 : 0;
            }
            if (left) {
                return v << s;
            }
            return it.signed() ? v >> s : (v >>> s);
        }));
    }

    private static List<Type> whereType(InferContext ctx) {
        return Collections.singletonList(ElementwiseInfer.broadcast(ctx, Infer.elementType(ctx.operandType(1)), 0));
    }

    /** Where(cond, X, Y): X where cond, else Y, all three broadcast together; any element type. */
    private static Tensor where(EvalContext ctx) {
        Tensor c = ElementwiseSupport.requireBool(ctx, ctx.input(0), "condition");
        Tensor x = ctx.input(1);
        Tensor y = ctx.input(2);
        ElementwiseSupport.requireSameType(ctx, x, y);
        int[] shape = ElementwiseSupport.broadcastShape(ctx, c, x, y);
        int[] ic = Shapes.broadcastIndex(c.shape(), shape);
        int[] ix = Shapes.broadcastIndex(x.shape(), shape);
        int[] iy = Shapes.broadcastIndex(y.shape(), shape);
        long[] cond = c.longs();
        int n = ic.length;
        ElementType e = x.elementType();
        if (x.isDoubles()) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = cond[ic[i]] != 0 ? x.doubles()[ix[i]] : y.doubles()[iy[i]];
            }
            return Tensor.ofDoubles(e, shape, r);
        }
        if (x.isStrings()) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                r[i] = cond[ic[i]] != 0 ? x.strings()[ix[i]] : y.strings()[iy[i]];
            }
            return Tensor.ofStrings(shape, r);
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = cond[ic[i]] != 0 ? x.longs()[ix[i]] : y.longs()[iy[i]];
        }
        return Tensor.ofLongs(e, shape, r);
    }
}
