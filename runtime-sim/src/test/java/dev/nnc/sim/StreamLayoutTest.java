package dev.nnc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import org.junit.jupiter.api.Test;

class StreamLayoutTest {
    private static final FixedType T = new FixedType(8, 4, true);

    @Test
    void sourceStreamsChannelsLast() {
        // NCHW [1,2,2,3]: value = c*100 + h*10 + w
        long[] raws = new long[12];
        for (int c = 0; c < 2; c++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 3; w++) {
                    raws[c * 6 + h * 3 + w] = c * 100 + h * 10 + w;
                }
            }
        }
        Tensor x = Tensor.ofLongs(T, new int[] {1, 2, 2, 3}, raws);
        StreamLayout layout = StreamLayout.ofSource(x.shape(), new int[] {0, 2, 3, 1}, 2);
        assertEquals(6, layout.beatsPerFrame());
        long[][] beats = new long[6][];
        layout.toBeats(x, beats, 0);
        // stream order h, w, c with the two channels of a pixel in one beat, lane 0 = channel 0
        assertArrayEquals(new long[] {0, 100}, beats[0]);
        assertArrayEquals(new long[] {1, 101}, beats[1]);
        assertArrayEquals(new long[] {10, 110}, beats[3]);
        assertArrayEquals(new long[] {12, 112}, beats[5]);
    }

    @Test
    void sinkWithTheInversePermRoundTrips() {
        long[] raws = new long[24];
        for (int i = 0; i < raws.length; i++) {
            raws[i] = i - 12;
        }
        Tensor x = Tensor.ofLongs(T, new int[] {1, 3, 2, 4}, raws);
        StreamLayout src = StreamLayout.ofSource(x.shape(), new int[] {0, 2, 3, 1}, 3);
        StreamLayout sink = StreamLayout.ofSink(x.shape(), new int[] {0, 3, 1, 2}, 1);
        long[][] beats = new long[8][];
        src.toBeats(x, beats, 0);
        long[][] single = new long[24][];
        for (int b = 0; b < 8; b++) {
            for (int l = 0; l < 3; l++) {
                single[b * 3 + l] = new long[] {beats[b][l]};
            }
        }
        Tensor back = sink.toTensor(T, i -> single[i], 0);
        assertEquals(x, back);
    }
}
