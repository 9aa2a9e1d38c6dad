package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

/**
 * The numbers the sliding window generator ({@code hw.swg}, RTL {@code nnc_swg}) needs: an input
 * frame {@code [inH, inW, channels]} streamed {@code simd} channels per beat, a kernel window
 * with strides, pads (top, left, bottom, right) and dilations, and the output grid it produces.
 * The output of one frame is, for each (oh, ow), for ky, kx, c-fold, one beat of {@code simd}
 * channels at input (oh·strideH − padT + ky·dilH, ow·strideW − padL + kx·dilW), zero outside.
 */
public record SwgConfig(int elemWidth, int simd, int inH, int inW, int channels,
                        int kernelH, int kernelW, int strideH, int strideW,
                        int padT, int padL, int padB, int padR, int dilH, int dilW,
                        int outH, int outW) {
    public SwgConfig {
        positive("element width", elemWidth);
        positive("simd", simd);
        positive("input height", inH);
        positive("input width", inW);
        positive("channels", channels);
        positive("kernel height", kernelH);
        positive("kernel width", kernelW);
        positive("stride", strideH);
        positive("stride", strideW);
        positive("dilation", dilH);
        positive("dilation", dilW);
        if (padT < 0 || padL < 0 || padB < 0 || padR < 0) {
            throw new IllegalArgumentException("pads must be >= 0");
        }
        if (channels % simd != 0) {
            throw new IllegalArgumentException("simd " + simd + " does not divide " + channels + " channels");
        }
        if (outH != outSize(inH, padT, padB, kernelH, strideH, dilH) || outW != outSize(inW, padL, padR, kernelW, strideW, dilW)) {
            throw new IllegalArgumentException("output " + outH + "x" + outW + " does not match input " + inH + "x" + inW
                    + " with this window (expected " + outSize(inH, padT, padB, kernelH, strideH, dilH) + "x"
                    + outSize(inW, padL, padR, kernelW, strideW, dilW) + ")");
        }
        if (elemWidth * simd > 4096) {
            throw new IllegalArgumentException("beats of " + elemWidth * simd + " bits are too wide");
        }
        if ((long) (dilH * (kernelH - 1) + 1 + strideH) * 2 * inW * (channels / simd) > (1 << 26)) {
            throw new IllegalArgumentException("rows of " + inW + "x" + channels + " are too large for the line buffer");
        }
    }

    /**
     * The config of a {@code hw.swg} op: in_shape [H, W, C], out_shape [OH, OW, KH·KW·C],
     * kernel_shape, strides, pads (t, l, b, r), dilations, simd; the element width from the
     * operand stream (simd lanes of a fixed type, the result stream the same).
     */
    public static SwgConfig from(Operation op) {
        int[] in = PrimOps.shape(op, HwDialect.IN_SHAPE);
        int[] out = PrimOps.shape(op, HwDialect.OUT_SHAPE);
        int[] k = PrimOps.ints(op, "kernel_shape", 2);
        int[] st = PrimOps.ints(op, "strides", 2, 1, 1);
        int[] p = PrimOps.ints(op, "pads", 4, 0, 0, 0, 0);
        int[] d = PrimOps.ints(op, "dilations", 2, 1, 1);
        int simd = PrimOps.simd(op);
        if (in.length != 3 || out.length != 3) {
            throw PrimOps.error(op, "in_shape and out_shape must be [H, W, C] and [OH, OW, KH*KW*C]");
        }
        StreamType is = PrimOps.operandStream(op, 0);
        StreamType os = PrimOps.resultStream(op, 0);
        FixedType t = PrimOps.fixedElement(op, is, "operand #0");
        PrimOps.requireLanes(op, is, simd, "operand #0");
        PrimOps.requireLanes(op, os, simd, "result #0");
        if (!os.element().equals(t)) {
            throw PrimOps.error(op, "result elements " + os.element() + " differ from the operand's " + t);
        }
        if ((long) k[0] * k[1] * in[2] != out[2]) {
            throw PrimOps.error(op, "out_shape channel dim " + out[2] + " is not KH*KW*C = " + (long) k[0] * k[1] * in[2]);
        }
        try {
            return new SwgConfig(t.width(), simd, in[0], in[1], in[2], k[0], k[1], st[0], st[1],
                    p[0], p[1], p[2], p[3], d[0], d[1], out[0], out[1]);
        } catch (IllegalArgumentException e) {
            throw PrimOps.error(op, e.getMessage());
        }
    }

    /** Output positions along one axis: ⌊(in + pads − (dil·(k−1)+1)) / stride⌋ + 1. */
    public static int outSize(int in, int padBefore, int padAfter, int k, int stride, int dil) {
        int span = dil * (k - 1) + 1;
        int room = in + padBefore + padAfter - span;
        return room < 0 ? 0 : room / stride + 1;
    }

    /** Channel folds: beats per pixel. */
    public int channelFolds() {
        return channels / simd;
    }

    /** Input beats of one frame. */
    public long inBeats() {
        return (long) inH * inW * channelFolds();
    }

    /** Output beats of one frame. */
    public long outBeats() {
        return (long) outH * outW * kernelH * kernelW * channelFolds();
    }

    /**
     * Input rows the ring buffer holds: a power of two (the slot is the low bits of the row
     * count) of at least one window's rows plus one stride, so the next window row can be written
     * while the current one is read.
     */
    public int bufferRows() {
        return bufferRows(kernelH, dilH, strideH);
    }

    /** {@link #bufferRows()} from the window's height, dilation and stride (the fold pass's memory estimate). */
    public static int bufferRows(int kernelH, int dilH, int strideH) {
        int need = dilH * (kernelH - 1) + 1 + strideH;
        return Integer.highestOneBit(need - 1) << 1; // need >= 2: the next power of two
    }

    /** Steady-state cycles per frame with back-to-back frames: max(input beats, output beats). */
    public long cyclesPerFrame() {
        return Math.max(inBeats(), outBeats());
    }

    /**
     * Cycles from a frame's first input beat to its last output beat, alone in the pipeline with
     * in_valid and out_ready always high. Input beat j transfers in cycle j (the ring never stops
     * the writer before the rows a window row needs are in); output row oh's reads may start once
     * input rows up to oh·strideH − padT + (kernelH−1)·dilH are written (cycle (row+1)·W·CF, rows
     * clamped to the frame), then run one per cycle; a read issued in cycle t is output in t+2.
     */
    public long latency() {
        long rowBeats = (long) inW * channelFolds();
        long perRow = (long) outW * kernelH * kernelW * channelFolds();
        long start = Long.MIN_VALUE / 2;
        for (int oh = 0; oh < outH; oh++) {
            long lastRow = (long) oh * strideH - padT + (long) (kernelH - 1) * dilH;
            long ready = (Math.min(lastRow, inH - 1) + 1) * rowBeats;
            start = Math.max(start + perRow, ready);
        }
        return start + perRow - 1 + 3;
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
    }
}
