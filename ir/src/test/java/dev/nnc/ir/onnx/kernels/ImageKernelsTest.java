package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageKernelsTest {
    private static Tensor bytes(byte[] b) {
        long[] v = new long[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xff;
        }
        return Tensor.ofLongs(IntegerType.U8, shape(b.length), v);
    }

    /** A 2×1 PNG: red, then (10, 20, 30). */
    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        img.setRGB(1, 0, 0x0a141e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void decodesPngAsRgbBgrAndGrayscale() throws IOException {
        Tensor in = bytes(png());
        assertLongs(run1("ImageDecoder", 20, Map.of(), in), shape(1, 2, 3), 255, 0, 0, 10, 20, 30);
        assertLongs(run1("ImageDecoder", 20, Map.of("pixel_format", s("BGR")), in), shape(1, 2, 3), 0, 0, 255, 30, 20, 10);
        // Pillow's L: (R*19595 + G*38470 + B*7471 + 32768) >> 16
        assertLongs(run1("ImageDecoder", 20, Map.of("pixel_format", s("Grayscale")), in), shape(1, 2, 1), 76, 18);
    }

    @Test
    void decodesBinaryPnm() {
        byte[] header = "P6\n# c\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[header.length + 6];
        System.arraycopy(header, 0, b, 0, header.length);
        byte[] px = {1, 2, 3, (byte) 200, 5, 6};
        System.arraycopy(px, 0, b, header.length, 6);
        assertLongs(run1("ImageDecoder", 20, Map.of(), bytes(b)), shape(1, 2, 3), 1, 2, 3, 200, 5, 6);
    }

    @Test
    void unknownFormatsAreUserErrors() {
        assertThrows(NncException.class, () -> run1("ImageDecoder", 20, Map.of(), bytes(new byte[] {1, 2, 3})));
        assertThrows(NncException.class, () -> run1("ImageDecoder", 20, Map.of("pixel_format", s("CMYK")), bytes(new byte[] {1})));
    }
}
