package dev.nnc.ir.kernel;

import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Result shapes of the kernel ops. The boundary ops and swg keep the operand's element type; the
 * arithmetic ops take theirs from the declared result (the format is the op's choice).
 */
final class KernelInference {
    private KernelInference() {
    }

    static List<Type> toStream(InferContext ctx) {
        int[] in = KernelTypes.shape(ctx.operandType(0));
        long[] perm = ctx.attrs().getInts("perm", null);
        if (in == null || perm == null || perm.length != in.length || !Permutation.isPermutation(perm) || in.length == 0) {
            return unknown();
        }
        int[] s = Permutation.permuteShape(in, Permutation.toInts(perm));
        return of(operandElement(ctx), Arrays.copyOfRange(s, 1, s.length));
    }

    static List<Type> fromStream(InferContext ctx) {
        int[] in = KernelTypes.shape(ctx.operandType(0));
        long[] perm = ctx.attrs().getInts("perm", null);
        if (in == null || perm == null || perm.length != in.length + 1 || !Permutation.isPermutation(perm)) {
            return unknown();
        }
        int[] withBatch = new int[in.length + 1];
        withBatch[0] = 1;
        System.arraycopy(in, 0, withBatch, 1, in.length);
        return of(operandElement(ctx), Permutation.permuteShape(withBatch, Permutation.toInts(perm)));
    }

    static List<Type> declared(InferContext ctx) {
        return unknown();
    }

    static List<Type> swg(InferContext ctx) {
        int[] in = KernelTypes.shape(ctx.operandType(0));
        if (in == null) {
            return unknown();
        }
        try {
            return of(operandElement(ctx), SwgGeometry.of(ctx.attrs(), in).outShape());
        } catch (IllegalArgumentException e) {
            return unknown();
        }
    }

    static List<Type> mvau(InferContext ctx) {
        dev.nnc.ir.tensor.Tensor w = ctx.attrs().getTensor("weights");
        return lastDim(ctx, w != null && w.rank() == 2 ? w.dim(0) : -1);
    }

    static List<Type> pool(InferContext ctx) {
        return lastDim(ctx, (int) ctx.attrs().getInt("channels", -1));
    }

    static List<Type> sameShape(InferContext ctx) {
        int[] in = KernelTypes.shape(ctx.operandType(0));
        return in == null ? unknown() : of(declaredElement(ctx), in);
    }

    private static List<Type> lastDim(InferContext ctx, int last) {
        int[] in = KernelTypes.shape(ctx.operandType(0));
        if (in == null || in.length == 0 || last < 1) {
            return unknown();
        }
        int[] s = in.clone();
        s[s.length - 1] = last;
        return of(declaredElement(ctx), s);
    }

    private static ElementType operandElement(InferContext ctx) {
        return ctx.operandType(0) instanceof TensorType t ? t.elementType() : null;
    }

    private static ElementType declaredElement(InferContext ctx) {
        return ctx.op().result(0).type() instanceof TensorType t ? t.elementType() : null;
    }

    private static List<Type> of(ElementType e, int[] shape) {
        return e == null ? unknown() : List.of(TensorType.of(e, shape));
    }

    private static List<Type> unknown() {
        return Collections.singletonList(null);
    }
}
