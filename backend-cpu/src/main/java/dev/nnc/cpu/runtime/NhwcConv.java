package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * A dense 2-D convolution (group 1) whose result is channels-last: y NHWC [batch, outH, outW, M]
 * = clamp(conv(x, w) + bias). It is one product per output row, pixels x channels, computed by a
 * {@link RowGemmKernel} that reads the input in place:
 * <ul>
 * <li>a pointwise window (1x1, stride 1, no pad) reads NHWC input, where pixel r's channels are
 *   contiguous, so all batch*H*W pixels form one product with the input as its left operand;</li>
 * <li>any other window reads NCHW input. For each output row, the kh input rows it reads are
 *   copied per channel into a zero-padded strip [C][kh][stripW] (a few KB, in L1), and tap
 *   (c, i, j) of output pixel ow is strip element {@code base[(c*kh + i)*kw + j] + ow*strideW}:
 *   no im2col, and a stride costs nothing more than a different row step.</li>
 * </ul>
 * Threads split pixel blocks (pointwise) or output rows (other windows); products smaller than
 * {@link #MIN_PARALLEL} multiply-adds stay on the caller's thread.
 */
public final class NhwcConv {
    /** The scalar kernel, used when {@code jdk.incubator.vector} is absent. */
    static final RowGemmKernel SCALAR = new ScalarRowGemm();
    /** The kernel in use. */
    private static final RowGemmKernel KERNEL = VectorSupport.kernelOr("VectorRowGemm", RowGemmKernel.class, SCALAR);
    /** As in {@link PackedGemm}: below this many multiply-adds a split costs more than it saves. */
    private static final long MIN_PARALLEL = 1 << 19;
    /** Pixels per work item of a pointwise layer (a few kernel tiles). */
    private static final int PIXEL_BLOCK = 32;
    /** Per-thread strip of the input rows one output row reads (other windows). */
    private static final ThreadLocal<float[][]> STRIP = ThreadLocal.withInitial(() -> new float[1][0]);

    private final int batch;
    private final int inChannels;
    private final int outChannels;
    private final Window3 window;
    private final RowGemmKernel kernel;
    private final boolean pointwise;
    /** Multiply-adds per output pixel: C*kh*kw. */
    private final int depth;
    /** Other windows: the strip's row length and each tap's offset in the strip. */
    private final int stripW;
    private final int[] base;

    public NhwcConv(int batch, int inChannels, int outChannels, Window3 window) {
        this(batch, inChannels, outChannels, window, KERNEL);
    }

    /** A layer on a given kernel (tests run the scalar and the vector one). */
    NhwcConv(int batch, int inChannels, int outChannels, Window3 window, RowGemmKernel kernel) {
        if (window.in()[0] != 1 || window.kernel()[0] != 1 || window.out()[0] != 1) {
            throw new IllegalArgumentException("NhwcConv takes 2-D windows only");
        }
        this.batch = batch;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.window = window;
        this.kernel = kernel;
        this.pointwise = window.isPointwise();
        int kh = window.kernel()[1];
        int kw = window.kernel()[2];
        this.depth = inChannels * kh * kw;
        if (pointwise) {
            stripW = 0;
            base = null;
        } else {
            int dh = window.dilations()[1];
            int dw = window.dilations()[2];
            // wide enough for the pixels a kernel may read past the last output column
            stripW = (window.out()[2] + RowGemmKernel.WINDOW_SLACK - 1) * window.strides()[2] + (kw - 1) * dw + 1;
            base = new int[depth];
            for (int c = 0, p = 0; c < inChannels; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        base[p++] = (c * kh + i) * stripW + j * dw;
                    }
                }
            }
        }
    }

    /** True for a pointwise window (1x1, stride 1, no pad): it then reads NHWC input; any other window reads NCHW input. */
    public boolean readsNhwc() {
        return pointwise;
    }

    /** ONNX weights [M, C, kh, kw] (row-major) re-laid-out for forward; called once at construction. */
    public float[] pack(float[] w) {
        int pw = kernel.panelWidth(outChannels);
        int panels = (outChannels + pw - 1) / pw;
        float[] packed = new float[panels * depth * pw];
        for (int m = 0; m < outChannels; m++) {
            int dst = m / pw * depth * pw + m % pw;
            for (int p = 0; p < depth; p++) {
                packed[dst + p * pw] = w[m * depth + p];
            }
        }
        return packed;
    }

    /** Floats of scratch forward needs (0: the strips are per thread). */
    public int scratchSize() {
        return 0;
    }

    /** y (NHWC: [batch, outH, outW, M]) = clamp(conv(x, w) + bias); x is NHWC [batch, H, W, C] when readsNhwc(), else NCHW; bias may be null. */
    public void forward(float[] x, float[] packedW, float[] bias, float[] y, float[] scratch, Clamp clamp, Parallel par) {
        float lo = clamp.lo();
        float hi = clamp.hi();
        int m = outChannels;
        if (pointwise) {
            int pixels = batch * window.inSize();
            long work = (long) depth * m * PIXEL_BLOCK;
            if ((long) pixels * depth * m < MIN_PARALLEL) {
                kernel.multiply(x, 0, depth, null, depth, packedW, m, bias, lo, hi, y, 0, m, pixels);
                return;
            }
            par.forRange((pixels + PIXEL_BLOCK - 1) / PIXEL_BLOCK, work, (from, to) -> {
                int r0 = from * PIXEL_BLOCK;
                int r1 = Math.min(pixels, to * PIXEL_BLOCK);
                kernel.multiply(x, r0 * depth, depth, null, depth, packedW, m, bias, lo, hi, y, r0 * m, m, r1 - r0);
            });
            return;
        }
        int outH = window.out()[1];
        int outW = window.out()[2];
        int kw = window.kernel()[2];
        long work = (long) depth * m * outW;
        Parallel.Range rows = (from, to) -> {
            float[] strip = strip();
            for (int row = from; row < to; row++) {
                fillStrip(x, row / outH, row % outH, strip);
                kernel.multiplyWindow(strip, 0, window.strides()[2], base, depth, stripW, kw, window.dilations()[2],
                        packedW, m, bias, lo, hi, y, row * outW * m, m, outW);
            }
        };
        if (batch * outH * work < MIN_PARALLEL) {
            rows.run(0, batch * outH);
        } else {
            par.forRange(batch * outH, work, rows);
        }
    }

    /** This thread's strip, grown to this layer's size. */
    private float[] strip() {
        float[][] holder = STRIP.get();
        int size = inChannels * window.kernel()[1] * stripW;
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    /**
     * Strip row (c, i) = padded input row {@code oh*sh - top + i*dh} of channel c of image b, its
     * columns shifted right by the left pad: zero where that lies outside the input.
     */
    private void fillStrip(float[] x, int b, int oh, float[] strip) {
        int kh = window.kernel()[1];
        int inH = window.in()[1];
        int inW = window.in()[2];
        int left = window.padBegin()[2];
        int first = oh * window.strides()[1] - window.padBegin()[1];
        int dh = window.dilations()[1];
        int lead = Math.min(left, stripW);
        int copied = Math.max(0, Math.min(inW, stripW - left));
        for (int c = 0; c < inChannels; c++) {
            int plane = (b * inChannels + c) * inH;
            for (int i = 0; i < kh; i++) {
                int dst = (c * kh + i) * stripW;
                int ih = first + i * dh;
                if (ih < 0 || ih >= inH) {
                    Arrays.fill(strip, dst, dst + stripW, 0f);
                    continue;
                }
                Arrays.fill(strip, dst, dst + lead, 0f);
                System.arraycopy(x, (plane + ih) * inW, strip, dst + lead, copied);
                Arrays.fill(strip, dst + lead + copied, dst + stripW, 0f);
            }
        }
    }
}
