package dev.nnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The count behind the GFLOP/s figures of docs/benchmarks.md, checked on models worked by hand. */
class MultiplyAddsTest {
    @Test
    void jetTaggerIsItsFourDenseLayers() {
        assumeTrue(SharedModels.root() != null, "shared test data not found");
        // 16x64 + 64x32 + 32x32 + 32x5
        assertEquals(16 * 64 + 64 * 32 + 32 * 32 + 32 * 5, MultiplyAdds.count(BenchModel.load("jet_tagger").module()));
    }

    @Test
    void mnist8IsTwoConvolutionsAndOneDenseLayer() {
        assumeTrue(SharedModels.root() != null, "shared test data not found");
        // conv 1->8 5x5 at 28x28, conv 8->16 5x5 at 14x14, dense 256->10
        long expected = 28L * 28 * 8 * 25 + 14L * 14 * 16 * 8 * 25 + 256 * 10;
        assertEquals(expected, MultiplyAdds.count(BenchModel.load("mnist8").module()));
    }
}
