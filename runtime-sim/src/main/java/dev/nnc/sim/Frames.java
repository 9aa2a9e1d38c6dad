package dev.nnc.sim;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a user's input tensor into frames for an input declared {@code [1, ...]} (batch 1, the
 * only batch the hardware takes): a tensor of the declared shape is one frame, {@code [N, ...]}
 * is N frames, and a tensor without the batch dim is one frame.
 */
public final class Frames {
    private Frames() {
    }

    /** The frames in {@code t} for an input of type {@code declared}; {@code what} names the input in errors. */
    public static List<Tensor> split(Tensor t, TensorType declared, String what) {
        int[] shape = new int[declared.dims().size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(declared.dims().get(i) instanceof Dim.Known k)) {
                throw new NncException(what + ": the design's input has a symbolic size");
            }
            shape[i] = Math.toIntExact(k.size());
        }
        if (!t.elementType().equals(declared.elementType())) {
            throw new NncException(what + ": the design takes " + declared + " but the file holds " + t.tensorType());
        }
        if (Arrays.equals(t.shape(), shape)) {
            return List.of(t);
        }
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        if (shape.length > 0 && shape[0] == 1 && Arrays.equals(t.shape(), rest)) {
            return List.of(t.reshape(shape));
        }
        if (shape.length > 0 && shape[0] == 1 && t.rank() == shape.length
                && Arrays.equals(Arrays.copyOfRange(t.shape(), 1, t.rank()), rest)) {
            int n = t.dim(0);
            int per = t.size() / Math.max(n, 1);
            List<Tensor> out = new ArrayList<>(n);
            for (int f = 0; f < n; f++) {
                out.add(slice(t, f * per, per, shape));
            }
            return out;
        }
        throw new NncException(what + ": the design takes " + declared + " (or N of them stacked as [N, ...]) but the file holds "
                + t.tensorType());
    }

    /** {@code frames} repeated in order until there are {@code n} (or cut to the first {@code n}). */
    public static <T> List<T> cycle(List<T> frames, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(frames.get(i % frames.size()));
        }
        return out;
    }

    private static Tensor slice(Tensor t, int from, int count, int[] shape) {
        if (t.isDoubles()) {
            return Tensor.ofDoubles(t.elementType(), shape, Arrays.copyOfRange(t.doubles(), from, from + count));
        }
        return Tensor.ofLongs(t.elementType(), shape, Arrays.copyOfRange(t.longs(), from, from + count));
    }
}
