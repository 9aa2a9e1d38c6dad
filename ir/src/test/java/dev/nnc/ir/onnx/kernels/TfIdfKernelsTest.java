package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfIdfKernelsTest {
    /** Pool: unigrams 2, 3 (slots 0, 1), bigram (2, 3) (slot 2). */
    private static Map<String, Attribute> attrs(String mode, int minGram, int maxGram, int skip) {
        Map<String, Attribute> a = new HashMap<>();
        a.put("mode", s(mode));
        a.put("min_gram_length", i(minGram));
        a.put("max_gram_length", i(maxGram));
        a.put("max_skip_count", i(skip));
        a.put("ngram_counts", ints(0, 2));
        a.put("ngram_indexes", ints(0, 1, 2));
        a.put("pool_int64s", ints(2, 3, 2, 3));
        return a;
    }

    @Test
    void countsUnigramsOnceAndSkippedBigrams() {
        // 2 3 5 3: unigrams 2 ×1, 3 ×2; bigram (2,3) contiguous once, and with skip 1... (2,5) no; skip 2: (2,3) again
        assertTensor(run1("TfIdfVectorizer", 9, attrs("TF", 1, 2, 0), i64(2, 3, 5, 3)), shape(3), 1, 2, 1);
        assertTensor(run1("TfIdfVectorizer", 9, attrs("TF", 1, 2, 2), i64(2, 3, 5, 3)), shape(3), 1, 2, 2);
        assertTensor(run1("TfIdfVectorizer", 9, attrs("TF", 2, 2, 0), i64(2, 3, 5, 3)), shape(3), 0, 0, 1);
    }

    @Test
    void batchesAndWeights() {
        Map<String, Attribute> a = attrs("TFIDF", 1, 1, 0);
        a.put("weights", MlKernelsTest.floats(0.5, 2, 4));
        assertTensor(run1("TfIdfVectorizer", 9, a, i64(shape(2, 2), 3, 3, 2, 7)), shape(2, 3), 0, 4, 0, 0.5, 0, 0);
        a.put("mode", s("IDF"));
        assertTensor(run1("TfIdfVectorizer", 9, a, i64(shape(2, 2), 3, 3, 2, 7)), shape(2, 3), 0, 2, 0, 0.5, 0, 0);
        a.put("mode", s("XX"));
        assertThrows(NncException.class, () -> run1("TfIdfVectorizer", 9, a, i64(3)));
    }

    @Test
    void stringPools() {
        Map<String, Attribute> a = attrs("TF", 1, 1, 0);
        a.remove("pool_int64s");
        a.put("pool_strings", MlKernelsTest.strs("a", "b", "a", "b"));
        assertTensor(run1("TfIdfVectorizer", 9, a, str(shape(3), "b", "b", "c")), shape(3), 0, 2, 0);
    }
}
