package dev.nnc.sim;

import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Raw-for-raw comparison of one output over every frame: the hardware's fixed tensors against the
 * reference's. Equal means same element type, same shape and the same raw integers.
 *
 * @param output     output name
 * @param elements   raws compared
 * @param mismatches raws that differ
 * @param first      the first difference ("frame 0 [3]: 12 vs 13", or a type/shape difference), or null
 */
public record BitComparison(String output, long elements, long mismatches, String first) {

    public boolean matches() {
        return mismatches == 0 && first == null;
    }

    /** Compares every output named in the reference, frame by frame. */
    public static List<BitComparison> compare(List<Map<String, Tensor>> actual, List<Map<String, Tensor>> expected) {
        List<BitComparison> out = new ArrayList<>();
        for (String name : expected.get(0).keySet()) {
            long elements = 0;
            long mismatches = 0;
            String first = null;
            for (int f = 0; f < expected.size(); f++) {
                Tensor e = expected.get(f).get(name);
                Tensor a = f < actual.size() ? actual.get(f).get(name) : null;
                if (a == null) {
                    first = first != null ? first : "frame " + f + ": no output";
                    mismatches += e.size();
                    continue;
                }
                if (!a.elementType().equals(e.elementType()) || !Arrays.equals(a.shape(), e.shape())) {
                    first = first != null ? first : "frame " + f + ": " + a.tensorType() + " vs " + e.tensorType();
                    mismatches += e.size();
                    continue;
                }
                long[] ar = a.longs();
                long[] er = e.longs();
                for (int i = 0; i < er.length; i++) {
                    elements++;
                    if (ar[i] != er[i]) {
                        mismatches++;
                        if (first == null) {
                            first = "frame " + f + " [" + i + "]: " + ar[i] + " vs " + er[i];
                        }
                    }
                }
            }
            out.add(new BitComparison(name, elements, mismatches, first));
        }
        return out;
    }
}
