package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A decoder for binary PNM images (P5 graymap, P6 pixmap; maxval up to 255, which ImageIO
 * cannot read: the header is whitespace-separated ASCII with # comments, then raw samples.
 */
final class Pnm {
    private Pnm() {
    }

    static boolean isPnm(byte[] b) {
        return b.length > 2 && b[0] == 'P' && (b[1] == '5' || b[1] == '6');
    }

    /** Rows of 0xRRGGBB pixels. */
    static int[][] decode(byte[] b, Function<String, NncException> error) {
        int[] pos = {2};
        int w = number(b, pos, error);
        int h = number(b, pos, error);
        int max = number(b, pos, error);
        pos[0]++; // the single whitespace byte before the samples
        int channels = b[1] == '6' ? 3 : 1;
        if (max <= 0 || max > 255) {
            throw error.apply("PNM with maxval " + max + " is not supported (1..255)");
        }
        if ((long) w * h * channels > b.length - pos[0]) {
            throw error.apply("PNM image is truncated");
        }
        int[][] rows = new int[h][w];
        int at = pos[0];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = scale(b[at++] & 0xff, max);
                int g = channels == 3 ? scale(b[at++] & 0xff, max) : r;
                int bl = channels == 3 ? scale(b[at++] & 0xff, max) : r;
                rows[y][x] = r << 16 | g << 8 | bl;
            }
        }
        return rows;
    }

    private static int scale(int v, int max) {
        return max == 255 ? v : (v * 255 + max / 2) / max;
    }

    private static int number(byte[] b, int[] pos, Function<String, NncException> error) {
        int i = pos[0];
        while (i < b.length && (Character.isWhitespace(b[i]) || b[i] == '#')) {
            if (b[i] == '#') {
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
            } else {
                i++;
            }
        }
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (start == i) {
            throw error.apply("bad PNM header");
        }
        pos[0] = i;
        return Integer.parseInt(new String(b, start, i - start, StandardCharsets.US_ASCII));
    }
}
