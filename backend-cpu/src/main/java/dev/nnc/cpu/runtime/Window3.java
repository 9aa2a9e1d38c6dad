package dev.nnc.cpu.runtime;

/**
 * The geometry of a sliding window over three spatial dims (1-D and 2-D windows have leading
 * unit dims), as the backend's builder computed it from the op's attributes: output position o
 * of a dim reads input positions {@code o*stride - padBegin + k*dilation}.
 */
public record Window3(int[] in, int[] kernel, int[] strides, int[] dilations, int[] padBegin, int[] padEnd,
                      int[] out) {
    public int inSize() {
        return in[0] * in[1] * in[2];
    }

    public int outSize() {
        return out[0] * out[1] * out[2];
    }

    public int kernelSize() {
        return kernel[0] * kernel[1] * kernel[2];
    }

    /** True when every output reads exactly the input at the same position (a 1x1 convolution). */
    public boolean isPointwise() {
        for (int i = 0; i < 3; i++) {
            if (kernel[i] != 1 || strides[i] != 1 || padBegin[i] != 0 || out[i] != in[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first output position whose window start {@code o*s - p + k*d} is >= 0. */
    int firstValid(int axis, int k) {
        int off = k * dilations[axis] - padBegin[axis];
        return off >= 0 ? 0 : Math.min(out[axis], (-off + strides[axis] - 1) / strides[axis]);
    }

    /** One past the last output position whose input position is < in. */
    int endValid(int axis, int k) {
        int off = k * dilations[axis] - padBegin[axis];
        int limit = in[axis] - off; // need o*s < limit
        if (limit <= 0) {
            return 0;
        }
        return Math.min(out[axis], (limit + strides[axis] - 1) / strides[axis]);
    }
}
