package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * A dense 2-D convolution (group 1) whose result is channels-last: y NHWC [batch, outH, outW, M]
 * = clamp(conv(x, w) + bias). It is a product of output pixels x channels, computed by a
 * {@link RowGemmKernel} that reads the input in place, without im2col:
 * <ul>
 * <li>a pointwise window (1x1, stride 1, no pad) reads NHWC input, where pixel r's channels are
 *   contiguous, so all batch*H*W pixels form one product with the input as its left operand;</li>
 * <li>any other window reads NCHW input. Tap (c, i, j) of output pixel ow reads input row
 *   {@code oh*sh - top + i*dh}, column {@code ow*sw - left + j*dw} of channel c: for the pixels
 *   whose windows lie inside the input that is x itself, read at {@code base[(c*kh + i)*kw + j] +
 *   ow*sw} from the window's corner, so no im2col and no copy, and a stride costs nothing more
 *   than a different pixel step. The pixels whose windows reach into the padding (a few at the
 *   ends of each row, and the whole first and last rows) read a zero-padded copy of the rows
 *   they need instead: a strip [C][kh][stripW] per thread, a few KB.</li>
 * </ul>
 * Threads split pixel blocks (pointwise) or output rows (other windows); products smaller than
 * {@link #MIN_PARALLEL} multiply-adds stay on the caller's thread.
 */
public final class NhwcConv {
    /** The scalar kernel, used when {@code jdk.incubator.vector} is absent. */
    static final RowGemmKernel SCALAR = new ScalarRowGemm();
    /** The kernel in use. */
    private static final RowGemmKernel KERNEL = VectorSupport.kernelOr("VectorRowGemm", RowGemmKernel.class, SCALAR);
    /** {@link PackedGemm#MIN_PARALLEL}: below this many multiply-adds a split costs more than it saves. */
    private static final long MIN_PARALLEL = PackedGemm.MIN_PARALLEL;
    /** Pixels per work item of a pointwise layer (a few kernel tiles). */
    private static final int PIXEL_BLOCK = 32;
    /** Pixels a strip-read end of a row gets at least, so that a kernel can still tile it whole. */
    private static final int EDGE = 16;
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
    /**
     * Other windows: the input columns one pixel's window spans, the strip's row length, and each
     * tap's offset in the strip and in x.
     */
    private final int span;
    private final int stripW;
    private final int[] stripBase;
    private final int[] inputBase;
    /** Other windows: output columns [directFrom, directTo) of an inside row read x in place (none if equal). */
    private final int directFrom;
    private final int directTo;

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
            span = 1;
            stripW = 0;
            stripBase = null;
            inputBase = null;
            directFrom = 0;
            directTo = 0;
            return;
        }
        int sw = window.strides()[2];
        int dh = window.dilations()[1];
        int dw = window.dilations()[2];
        int inH = window.in()[1];
        int inW = window.in()[2];
        int outW = window.out()[2];
        int left = window.padBegin()[2];
        span = (kw - 1) * dw + 1;
        stripW = (outW - 1) * sw + span;
        stripBase = new int[depth];
        inputBase = new int[depth];
        for (int c = 0, p = 0; c < inChannels; c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++, p++) {
                    stripBase[p] = (c * kh + i) * stripW + j * dw;
                    inputBase[p] = (c * inH + i * dh) * inW + j * dw;
                }
            }
        }
        // output columns whose windows lie inside the input: ow*sw - left >= 0 and ow*sw - left + span <= inW
        int insideFrom = Math.min(outW, (left + sw - 1) / sw);
        int lastStart = inW - span + left;
        int insideTo = lastStart < 0 ? 0 : Math.min(outW, lastStart / sw + 1);
        int from = Math.min(outW, Math.max(insideFrom, insideFrom > 0 ? EDGE : 0));
        int to = insideTo >= outW ? outW : Math.max(from, Math.min(insideTo, outW - EDGE));
        boolean direct = to - from >= EDGE;
        directFrom = direct ? from : 0;
        directTo = direct ? to : 0;
    }

    /**
     * True for a pointwise window (1x1, stride 1, no pad): it then reads NHWC input; any other
     * window reads NCHW input.
     */
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

    /**
     * y (NHWC: [batch, outH, outW, M]) = clamp(conv(x, w) + bias); x is NHWC [batch, H, W, C] when
     * readsNhwc(), else NCHW; bias may be null; scratch is not used (may be null).
     */
    public void forward(float[] x, float[] packedW, float[] bias, float[] y, float[] scratch, Clamp clamp,
                        Parallel par) {
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
        long work = (long) depth * m * window.out()[2];
        Parallel.Range rows = (from, to) -> {
            float[] strip = strip();
            for (int row = from; row < to; row++) {
                outputRow(x, row / outH, row % outH, packedW, bias, lo, hi, y, strip);
            }
        };
        if (batch * outH * work < MIN_PARALLEL) {
            rows.run(0, batch * outH);
        } else {
            par.forRange(batch * outH, work, rows);
        }
    }

    /** Output row oh of image b: in place where the windows lie inside x, through the strip elsewhere. */
    private void outputRow(float[] x, int b, int oh, float[] packedW, float[] bias, float lo, float hi, float[] y,
                           float[] strip) {
        int kh = window.kernel()[1];
        int inH = window.in()[1];
        int inW = window.in()[2];
        int outW = window.out()[2];
        int sw = window.strides()[2];
        int dh = window.dilations()[1];
        int top = oh * window.strides()[1] - window.padBegin()[1];
        int yRow = (b * window.out()[1] + oh) * outW;
        boolean inside = top >= 0 && top + (kh - 1) * dh < inH;
        if (!inside || directFrom == directTo) {
            fillStrip(x, b, top, strip, 0, stripW);
            stripPart(strip, 0, outW, packedW, bias, lo, hi, y, yRow);
            return;
        }
        if (directFrom > 0) {
            fillStrip(x, b, top, strip, 0, (directFrom - 1) * sw + span);
            stripPart(strip, 0, directFrom, packedW, bias, lo, hi, y, yRow);
        }
        int m = outChannels;
        int xOff = ((b * inChannels * inH) + top) * inW + directFrom * sw - window.padBegin()[2];
        kernel.multiplyWindow(x, xOff, sw, inputBase, depth, window.kernel()[2], window.dilations()[2], packedW, m, bias,
                lo, hi, y, (yRow + directFrom) * m, m, directTo - directFrom);
        if (directTo < outW) {
            fillStrip(x, b, top, strip, directTo * sw, stripW);
            stripPart(strip, directTo, outW, packedW, bias, lo, hi, y, yRow);
        }
    }

    /** Output columns [from, to) of the row at y pixel yRow, read from the strip. */
    private void stripPart(float[] strip, int from, int to, float[] packedW, float[] bias, float lo, float hi, float[] y,
                           int yRow) {
        int m = outChannels;
        int sw = window.strides()[2];
        kernel.multiplyWindow(strip, from * sw, sw, stripBase, depth, window.kernel()[2], window.dilations()[2], packedW,
                m, bias, lo, hi, y, (yRow + from) * m, m, to - from);
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
     * Columns [colFrom, colTo) of strip row (c, i) = padded input row {@code top + i*dh} of channel
     * c of image b, shifted right by the left pad: zero where that lies outside the input.
     */
    private void fillStrip(float[] x, int b, int top, float[] strip, int colFrom, int colTo) {
        int kh = window.kernel()[1];
        int inH = window.in()[1];
        int inW = window.in()[2];
        int left = window.padBegin()[2];
        int dh = window.dilations()[1];
        // strip column s holds input column s - left
        int copyFrom = Math.min(colTo, Math.max(colFrom, left));
        int copyTo = Math.max(copyFrom, Math.min(colTo, left + inW));
        for (int c = 0; c < inChannels; c++) {
            int plane = (b * inChannels + c) * inH;
            for (int i = 0; i < kh; i++) {
                int dst = (c * kh + i) * stripW;
                int ih = top + i * dh;
                if (ih < 0 || ih >= inH) {
                    Arrays.fill(strip, dst + colFrom, dst + colTo, 0f);
                    continue;
                }
                Arrays.fill(strip, dst + colFrom, dst + copyFrom, 0f);
                System.arraycopy(x, (plane + ih) * inW + copyFrom - left, strip, dst + copyFrom, copyTo - copyFrom);
                Arrays.fill(strip, dst + copyTo, dst + colTo, 0f);
            }
        }
    }
}
