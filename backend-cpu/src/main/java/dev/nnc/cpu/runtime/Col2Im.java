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
        int planes = yShape[0] * yShape[1];
        if (xShape[1] != yShape[1] * kSize || xShape[2] != colSize) {
            throw new ModelInputError("Col2Im: block_shape does not fit the input's columns");
        }
        double[] out = dev.nnc.ir.onnx.kernels.Col2Im.accumulate(Elements.doubles(x), planes, image, block, cols, strides,
                dilations, pads);
        Elements.store(out, y);
    }
}
