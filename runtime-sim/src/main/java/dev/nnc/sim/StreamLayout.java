package dev.nnc.sim;

import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import java.util.Arrays;

/**
 * Where each element of a frame's tensor travels in a stream (docs/hardware.md §3): the stream
 * carries the tensor transposed by {@code hw.source}'s perm (ONNX Transpose semantics) in
 * row-major order, {@code lanes} consecutive elements per beat. {@code hw.sink}'s perm is the
 * inverse transpose, so a sink's layout is the source layout of the inverse perm.
 */
public final class StreamLayout {
    private final int[] tensorShape;
    private final int lanes;
    /** order[k] = flat tensor index of the k-th element in the stream. */
    private final int[] order;

    private StreamLayout(int[] tensorShape, int[] streamToTensor, int lanes) {
        this.tensorShape = tensorShape.clone();
        this.lanes = lanes;
        this.order = streamToTensor;
    }

    /** Layout of {@code hw.source}: stream dim i is tensor dim {@code perm[i]}. */
    public static StreamLayout ofSource(int[] tensorShape, int[] perm, int lanes) {
        checkPerm(tensorShape, perm);
        int n = Math.toIntExact(Shapes.size(tensorShape));
        if (lanes < 1 || n % lanes != 0) {
            throw new IllegalArgumentException("a frame of " + n + " elements is not whole beats of " + lanes + " lanes");
        }
        int rank = tensorShape.length;
        int[] streamShape = new int[rank];
        int[] tensorStrides = Shapes.strides(tensorShape);
        int[] strideOfStreamDim = new int[rank];
        for (int i = 0; i < rank; i++) {
            streamShape[i] = tensorShape[perm[i]];
            strideOfStreamDim[i] = tensorStrides[perm[i]];
        }
        int[] order = new int[n];
        int[] idx = new int[rank];
        int flat = 0;
        for (int k = 0; k < n; k++) {
            order[k] = flat;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                flat += strideOfStreamDim[d];
                if (idx[d] < streamShape[d]) {
                    break;
                }
                flat -= strideOfStreamDim[d] * streamShape[d];
                idx[d] = 0;
            }
        }
        return new StreamLayout(tensorShape, order, lanes);
    }

    /** Layout of {@code hw.sink}: the tensor is the stream transposed by {@code perm}. */
    public static StreamLayout ofSink(int[] tensorShape, int[] perm, int lanes) {
        checkPerm(tensorShape, perm);
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return ofSource(tensorShape, inverse, lanes);
    }

    private static void checkPerm(int[] shape, int[] perm) {
        boolean[] seen = new boolean[shape.length];
        if (perm.length != shape.length) {
            throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " does not match rank " + shape.length);
        }
        for (int p : perm) {
            if (p < 0 || p >= shape.length || seen[p]) {
                throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " is not a permutation");
            }
            seen[p] = true;
        }
    }

    public int lanes() {
        return lanes;
    }

    public int[] tensorShape() {
        return tensorShape.clone();
    }

    public int beatsPerFrame() {
        return order.length / lanes;
    }

    /** Writes the beats of one frame into {@code beats[first ..]} (one raw per lane). */
    public void toBeats(Tensor frame, long[][] beats, int first) {
        if (!Arrays.equals(frame.shape(), tensorShape)) {
            throw new IllegalArgumentException("frame of shape " + Arrays.toString(frame.shape())
                    + " where the stream carries " + Arrays.toString(tensorShape));
        }
        long[] raws = frame.longs();
        for (int b = 0; b < beatsPerFrame(); b++) {
            long[] beat = new long[lanes];
            for (int l = 0; l < lanes; l++) {
                beat[l] = raws[order[b * lanes + l]];
            }
            beats[first + b] = beat;
        }
    }

    /** Reassembles one frame's tensor from the beats {@code beat(first) ..}. */
    public Tensor toTensor(ElementType type, java.util.function.IntFunction<long[]> beat, int first) {
        long[] raws = new long[order.length];
        for (int b = 0; b < beatsPerFrame(); b++) {
            long[] data = beat.apply(first + b);
            for (int l = 0; l < lanes; l++) {
                raws[order[b * lanes + l]] = data[l];
            }
        }
        return Tensor.ofLongs(type, tensorShape, raws);
    }
}
