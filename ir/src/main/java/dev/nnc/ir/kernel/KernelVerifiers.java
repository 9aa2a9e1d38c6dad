package dev.nnc.ir.kernel;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.FixedType;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Checks of the kernel ops beyond arity and property kinds: fixed-point operands, shapes that
 * agree with the properties, folding factors that divide what they fold (simd the input vector,
 * pe the output channels), an MVAU accumulator whose fractional bits are the product's.
 */
final class KernelVerifiers {
    private KernelVerifiers() {
    }

    /** A check body: operand/result fixed types and static shapes, attributes; report with err. */
    @FunctionalInterface
    private interface Check {
        void run(Operation op, OpAttributes a, FixedType[] in, int[][] inShape, FixedType out, int[] outShape, Consumer<String> err);
    }

    private static OpVerifier of(Check check) {
        return (op, error) -> {
            Consumer<String> err = error;
            int n = op.numOperands();
            FixedType[] in = new FixedType[n];
            int[][] shapes = new int[n][];
            for (int i = 0; i < n; i++) {
                in[i] = KernelTypes.fixed(op.operand(i).type());
                shapes[i] = KernelTypes.shape(op.operand(i).type());
                if (in[i] == null || shapes[i] == null) {
                    err.accept("operand " + i + " must be a static fixed-point tensor, got " + op.operand(i).type());
                    return;
                }
            }
            if (op.numResults() != 1) {
                return;
            }
            FixedType out = KernelTypes.fixed(op.result(0).type());
            int[] outShape = KernelTypes.shape(op.result(0).type());
            if (out == null || outShape == null) {
                err.accept("result must be a static fixed-point tensor, got " + op.result(0).type());
                return;
            }
            OpAttributes a = new OpAttributes(op, DialectRegistry.standard().lookup(op.name()).orElse(null));
            try {
                check.run(op, a, in, shapes, out, outShape, err);
            } catch (IllegalArgumentException | ArithmeticException | NncException e) {
                err.accept(e.getMessage());
            }
        };
    }

    static OpVerifier toStream() {
        return of((op, a, in, s, out, os, err) -> sameElement(in[0], out, err));
    }

    static OpVerifier fromStream() {
        return toStream();
    }

    static OpVerifier reshape() {
        return of((op, a, in, s, out, os, err) -> {
            sameElement(in[0], out, err);
            if (Shapes.size(s[0]) != Shapes.size(os)) {
                err.accept("reshape of " + Arrays.toString(s[0]) + " to " + Arrays.toString(os) + " changes the element count");
            }
        });
    }

    static OpVerifier swg() {
        return of((op, a, in, s, out, os, err) -> {
            sameElement(in[0], out, err);
            SwgGeometry g = SwgGeometry.of(a, s[0]);
            divides(KernelTypes.positive(a, "simd", 1), g.c(), "simd", "channels", err);
        });
    }

    static OpVerifier mvau() {
        return of((op, a, in, s, out, os, err) -> {
            MvauParams p = MvauParams.from(a);
            if (s[0].length == 0 || s[0][s[0].length - 1] != p.mw()) {
                err.accept("operand " + Arrays.toString(s[0]) + " does not end in MW = " + p.mw());
            }
            int f = in[0].fractionBits() + p.weightType().fractionBits();
            if (p.accType().fractionBits() != f) {
                err.accept("acc_type " + p.accType().spelling() + " must have the product's " + f + " fractional bits");
            }
            if (p.activation() == Activation.CLIP && (p.clipLo() < KernelTypes.minRaw(out) || p.clipHi() > KernelTypes.maxRaw(out))) {
                err.accept("clip bounds [" + p.clipLo() + ", " + p.clipHi() + "] lie outside the raws of " + out.spelling());
            }
        });
    }

    static OpVerifier pool() {
        return of((op, a, in, s, out, os, err) -> {
            PoolSemantics.Kind kind = PoolSemantics.Kind.parse(a.getString("kind"));
            int c = KernelTypes.positive(a, "channels", 1);
            int last = s[0].length == 0 ? 0 : s[0][s[0].length - 1];
            if (last == 0 || last % c != 0) {
                err.accept("last dim " + last + " is not a multiple of channels " + c);
            }
            divides(KernelTypes.positive(a, "simd", 1), c, "simd", "channels", err);
            if (kind == PoolSemantics.Kind.MAX) {
                sameElement(in[0], out, err);
            } else {
                PoolSemantics.averager(a);
                PoolSemantics.sumType(in[0], Math.max(1, last / c));
            }
        });
    }

    static OpVerifier add() {
        return of((op, a, in, s, out, os, err) -> {
            if (!Arrays.equals(s[0], s[1])) {
                err.accept("operand shapes differ: " + Arrays.toString(s[0]) + " and " + Arrays.toString(s[1]));
            }
            KernelTypes.mode(a);
            dev.nnc.ir.fixed.FixedRules.sum(in[0], in[1]);
            divides(KernelTypes.positive(a, "simd", 1), s[0].length == 0 ? 1 : s[0][s[0].length - 1], "simd", "the last dim", err);
        });
    }

    static OpVerifier softmax() {
        return of((op, a, in, s, out, os, err) -> {
            dev.nnc.ir.q.QSoftmax.of(op);
            divides(KernelTypes.positive(a, "simd", 1), s[0].length == 0 ? 1 : s[0][s[0].length - 1], "simd", "the last dim", err);
        });
    }

    private static void sameElement(FixedType in, FixedType out, Consumer<String> err) {
        if (!in.equals(out)) {
            err.accept("result element type " + out.spelling() + " differs from the operand's " + in.spelling());
        }
    }

    private static void divides(int factor, int n, String what, String of, Consumer<String> err) {
        if (n % factor != 0) {
            err.accept(what + " " + factor + " does not divide " + of + " " + n);
        }
    }
}
