package dev.nnc.cpu.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NCHW and NHWC conversions against the index formula, on sizes around the transpose's 16x16 blocks. */
class ChannelsLastTest {
    @ParameterizedTest(name = "N{0} C{1} spatial {2}")
    @CsvSource({"1, 1, 1", "1, 3, 76800", "2, 16, 16", "2, 17, 33", "3, 40, 7", "1, 256, 20"})
    void convertsBothWaysAsTheIndexFormulaSays(int n, int c, int spatial) {
        Random r = new Random(n * 31L + c * 7L + spatial);
        float[] x = new float[n * c * spatial];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        float[] want = new float[x.length];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < spatial; p++) {
                    want[(b * spatial + p) * c + ch] = x[(b * c + ch) * spatial + p];
                }
            }
        }
        float[] nhwc = new float[x.length];
        ChannelsLast.toNhwc(x, nhwc, n, c, spatial);
        assertArrayEquals(want, nhwc);
        float[] back = new float[x.length];
        ChannelsLast.toNchw(nhwc, back, n, c, spatial);
        assertArrayEquals(x, back);
    }
}
