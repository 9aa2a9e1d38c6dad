package dev.nnc.cpu.runtime;

/**
 * A depthwise 2-D convolution (group == C == M) on channels-last tensors. In NHWC the channels of
 * a pixel are contiguous, so the kernel ({@link NhwcDepthwiseKernel}) vectorises across channels:
 * every tap of an output pixel is one contiguous load of a vector of channels from the input and
 * one from the weights, packed tap-major ({@code [kh*kw][C]}); a stride of 2 only changes the
 * input address. Output rows are split over threads.
 *
 * <p>Each output row is cut into the pixels whose window lies across the left or right padding
 * (handled one at a time, over the taps that are inside the input) and the run between them. A
 * 3x3 window runs that interior as one branch-free nine-tap loop with the weights held in
 * registers; a kernel row in the top or bottom padding reads a row of zeros instead. Any other
 * window runs its interior as one run over the rectangle of kernel rows inside the input.
 */
public final class NhwcDepthwise {
    /** The kernel in use: the vector one where {@code jdk.incubator.vector} is present, else the scalar one. */
    private static final NhwcDepthwiseKernel KERNEL =
            VectorSupport.kernelOr("VectorNhwcDepthwise", NhwcDepthwiseKernel.class, ScalarNhwcDepthwise.INSTANCE);

    private final int batch;
    private final int channels;
    private final int inH;
    private final int inW;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int dh;
    private final int dw;
    private final int ph;
    private final int pw;
    private final int outH;
    private final int outW;
    /** The first and one past the last output column whose window lies inside the input. */
    private final int interiorFrom;
    private final int interiorTo;
    private final NhwcDepthwiseKernel kernel;
    /** Read-only: the bias of a layer without one, and the input row a kernel row in the padding reads. */
    private final float[] zeroBias;
    private final float[] zeroRow;

    public NhwcDepthwise(int batch, int channels, Window3 window) {
        this(batch, channels, window, KERNEL);
    }

    /** The layer with the given kernel (tests run the scalar and the vector one). */
    NhwcDepthwise(int batch, int channels, Window3 window, NhwcDepthwiseKernel kernel) {
        if (window.in()[0] != 1 || window.kernel()[0] != 1 || window.out()[0] != 1) {
            throw new IllegalArgumentException("NhwcDepthwise takes 2-D windows only");
        }
        this.batch = batch;
        this.channels = channels;
        this.inH = window.in()[1];
        this.inW = window.in()[2];
        this.kh = window.kernel()[1];
        this.kw = window.kernel()[2];
        this.sh = window.strides()[1];
        this.sw = window.strides()[2];
        this.dh = window.dilations()[1];
        this.dw = window.dilations()[2];
        this.ph = window.padBegin()[1];
        this.pw = window.padBegin()[2];
        this.outH = window.out()[1];
        this.outW = window.out()[2];
        this.interiorFrom = Math.min(window.firstValid(2, 0), outW);
        this.interiorTo = Math.max(interiorFrom, window.endValid(2, kw - 1));
        this.kernel = kernel;
        this.zeroBias = new float[channels];
        this.zeroRow = kh == 3 && kw == 3 ? new float[inW * channels] : null;
    }

    /** ONNX weights [C, 1, kh, kw] re-laid-out tap-major, {@code [kh*kw][C]}; called once at construction. */
    public float[] pack(float[] w) {
        int taps = kh * kw;
        float[] packed = new float[taps * channels];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < taps; t++) {
                packed[t * channels + c] = w[c * taps + t];
            }
        }
        return packed;
    }

    /** y NHWC [batch, outH, outW, C] = clamp(depthwise(x, w) + bias) for x NHWC [batch, H, W, C]; bias may be null. */
    public void forward(float[] x, float[] packedW, float[] bias, float[] y, Clamp clamp, Parallel par) {
        float[] b = bias == null ? zeroBias : bias;
        par.forRange(batch * outH, (long) outW * channels * kh * kw, (from, to) -> {
            for (int row = from; row < to; row++) {
                outputRow(x, packedW, b, y, clamp, row / outH, row % outH);
            }
        });
    }

    /** Output row {@code oh} of batch item {@code n}: left border, interior run, right border. */
    private void outputRow(float[] x, float[] w, float[] bias, float[] y, Clamp clamp, int n, int oh) {
        int ih = oh * sh - ph;
        int image = n * inH * inW * channels;
        int yRow = (n * outH + oh) * outW * channels;
        if (zeroRow != null) {
            row3x3(x, w, bias, y, clamp, image, ih, yRow);
            return;
        }
        int r0 = firstInside(ih, dh, inH, kh);
        int r1 = Math.max(r0, endInside(ih, dh, inH, kh));
        int rowTap = dh * inW * channels;
        int xRow = image + (ih + r0 * dh) * inW * channels;
        for (int ow = 0; ow < outW; ow += runLength(ow)) {
            int iw = ow * sw - pw;
            int t0 = firstInside(iw, dw, inW, kw);
            int t1 = Math.max(t0, endInside(iw, dw, inW, kw));
            kernel.runRect(x, xRow + (iw + t0 * dw) * channels, sw * channels, rowTap, dw * channels, r0, r1, t0, t1,
                    kw, w, bias, channels, clamp.lo(), clamp.hi(), y, yRow + ow * channels, runLength(ow));
        }
    }

    /**
     * An output row of a 3x3 window: every pixel reads three input rows, a row of zeros standing in
     * for each one in the padding; border pixels read only their kernel columns inside the input.
     */
    private void row3x3(float[] x, float[] w, float[] bias, float[] y, Clamp clamp, int image, int ih, int yRow) {
        float[] x0 = inside(ih) ? x : zeroRow;
        float[] x1 = inside(ih + dh) ? x : zeroRow;
        float[] x2 = inside(ih + 2 * dh) ? x : zeroRow;
        int b0 = inside(ih) ? image + ih * inW * channels : 0;
        int b1 = inside(ih + dh) ? image + (ih + dh) * inW * channels : 0;
        int b2 = inside(ih + 2 * dh) ? image + (ih + 2 * dh) * inW * channels : 0;
        for (int ow = 0; ow < outW; ow += runLength(ow)) {
            int iw = ow * sw - pw;
            int t0 = firstInside(iw, dw, inW, 3);
            int t1 = Math.max(t0, endInside(iw, dw, inW, 3));
            int col = iw * channels;
            kernel.run3x3(x0, b0 + col, x1, b1 + col, x2, b2 + col, sw * channels, dw * channels, t0, t1, w, bias,
                    channels, clamp.lo(), clamp.hi(), y, yRow + ow * channels, runLength(ow));
        }
    }

    /** The pixels from {@code ow} on that share its window's taps inside the input: the interior, or one. */
    private int runLength(int ow) {
        return ow == interiorFrom ? Math.max(1, interiorTo - interiorFrom) : 1;
    }

    private boolean inside(int ih) {
        return ih >= 0 && ih < inH;
    }

    /** The first tap k < taps with {@code start + k*dilation >= 0} (taps when none). */
    private static int firstInside(int start, int dilation, int size, int taps) {
        return start >= 0 ? 0 : Math.min(taps, (-start + dilation - 1) / dilation);
    }

    /** One past the last tap k < taps with {@code start + k*dilation < size}. */
    private static int endInside(int start, int dilation, int size, int taps) {
        int room = size - start;
        return room <= 0 ? 0 : Math.min(taps, (room + dilation - 1) / dilation);
    }
}
