package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * {@code ImageDecoder}: decodes an encoded image (1-D uint8) into {@code [H, W, C]} uint8 pixels,
 * C = 3 for {@code pixel_format} RGB or BGR, 1 for Grayscale (ITU-R 601 luma, rounded as
 * Pillow's {@code convert("L")} does). Formats are what Java's ImageIO reads (PNG, BMP, JPEG,
 * TIFF, GIF) plus binary PNM, decoded by {@link Pnm}; others (WebP, JPEG 2000) are an error.
 */
public final class ImageKernels implements KernelFamily {
    @Override
    public String table() {
        return "kernels/image.tsv";
    }

    @Override
    public void register(KernelTable t) {
        t.op("ImageDecoder", ctx -> Collections.singletonList(TensorType.unranked(IntegerType.U8)), ImageKernels::decode);
    }

    private static List<Tensor> decode(EvalContext ctx) {
        long[] in = ctx.input(0).toLongs();
        byte[] bytes = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            bytes[i] = (byte) in[i];
        }
        String format = ctx.attrs().getString("pixel_format", "RGB");
        if (!format.equals("RGB") && !format.equals("BGR") && !format.equals("Grayscale")) {
            throw ctx.error("unknown pixel_format '" + format + "' (RGB, BGR or Grayscale)");
        }
        int[][] rgb = Pnm.isPnm(bytes) ? Pnm.decode(bytes, ctx::error) : imageIo(ctx, bytes);
        int h = rgb.length;
        int w = h == 0 ? 0 : rgb[0].length;
        int c = format.equals("Grayscale") ? 1 : 3;
        long[] out = new long[h * w * c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y][x];
                int r = p >> 16 & 0xff;
                int g = p >> 8 & 0xff;
                int b = p & 0xff;
                int o = (y * w + x) * c;
                if (c == 1) {
                    out[o] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
                } else {
                    boolean bgr = format.equals("BGR");
                    out[o] = bgr ? b : r;
                    out[o + 1] = g;
                    out[o + 2] = bgr ? r : b;
                }
            }
        }
        return List.of(Tensor.ofLongs(IntegerType.U8, new int[] {h, w, c}, out));
    }

    /** Rows of 0xRRGGBB pixels read by ImageIO. */
    private static int[][] imageIo(EvalContext ctx, byte[] bytes) {
        BufferedImage img;
        try {
            img = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw ctx.error("cannot decode the image: " + e.getMessage());
        }
        if (img == null) {
            throw ctx.error("image format not supported (nnc decodes PNG, BMP, JPEG, TIFF, GIF and PNM)");
        }
        int[][] rows = new int[img.getHeight()][];
        for (int y = 0; y < rows.length; y++) {
            rows[y] = img.getRGB(0, y, img.getWidth(), 1, null, 0, img.getWidth());
        }
        return rows;
    }
}
