package dev.nnc.cpu.runtime;

/**
 * ONNX {@code Col2Im}, the inverse of im2col: input [N, C * prod(block), L] holds one column per
 * sliding-block position; each value adds into the image [N, C, image...] at
 * {@code col * stride - pad_begin + k * dilation} (outside positions dropped). The block shape is
 * read on every run (models feed it); the image shape must be the compiled one. Sums in double.
 */
public final class Col2Im {
    private Col2Im() {
    }

    public static void apply(Object x, int[] xShape, Object imageArray, Object blockArray, int[] strides,
                             int[] dilations, int[] pads, Object y, int[] yShape) {
        int r = yShape.length - 2;
        long[] imageGiven = Elements.longs(imageArray);
        long[] blockGiven = Elements.longs(blockArray);
        if (imageGiven.length != r || blockGiven.length != r) {
            throw new ModelInputError("Col2Im: image_shape and block_shape need " + r + " values");
        }
        int[] image = new int[r];
        int[] block = new int[r];
        int[] cols = new int[r];
        for (int i = 0; i < r; i++) {
            if (imageGiven[i] != yShape[i + 2]) {
                throw new ModelInputError("Col2Im: image_shape differs from the compiled output shape");
            }
            image[i] = (int) imageGiven[i];
            block[i] = (int) blockGiven[i];
            cols[i] = Math.floorDiv(image[i] + pads[i] + pads[i + r] - (dilations[i] * (block[i] - 1) + 1), strides[i]) + 1;
        }
        int kSize = Elements.product(block, 0, r);
        int colSize = Elements.product(cols, 0, r);
        int imSize = Elements.product(image, 0, r);
        int planes = yShape[0] * yShape[1];
        if (xShape[1] != yShape[1] * kSize || xShape[2] != colSize) {
            throw new ModelInputError("Col2Im: block_shape does not fit the input's columns");
        }
        double[] in = Elements.doubles(x);
        double[] out = new double[planes * imSize];
        int[] imStrides = new int[r];
        int p = 1;
        for (int i = r - 1; i >= 0; i--) {
            imStrides[i] = p;
            p *= image[i];
        }
        int[] kIdx = new int[r];
        int[] colIdx = new int[r];
        for (int kc = 0; kc < kSize; kc++) {
            unravel(kc, block, kIdx);
            for (int col = 0; col < colSize; col++) {
                unravel(col, cols, colIdx);
                int im = 0;
                boolean inside = true;
                for (int i = 0; i < r && inside; i++) {
                    int pos = colIdx[i] * strides[i] - pads[i] + kIdx[i] * dilations[i];
                    inside = pos >= 0 && pos < image[i];
                    im += pos * imStrides[i];
                }
                if (!inside) {
                    continue;
                }
                for (int plane = 0; plane < planes; plane++) {
                    out[plane * imSize + im] += in[(plane * kSize + kc) * colSize + col];
                }
            }
        }
        Elements.store(out, y);
    }

    private static void unravel(int flat, int[] dims, int[] idx) {
        for (int i = dims.length - 1; i >= 0; i--) {
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
    }
}
