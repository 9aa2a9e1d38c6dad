package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.assertOneLineError;
import static dev.nnc.tests.BadInputCliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.verify.Verifier;
import dev.nnc.tests.BadInputCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc quantize} through the real command on the shared models: the accuracy bounds of
 * issue 4 (on smaller slices than the full measurement, for CI time) and its one-line errors.
 */
class QuantizeCliTest {
    private static final Pattern EVAL = Pattern.compile("float top-1 ([\\d.]+)%, fixed top-1 ([\\d.]+)%");
    private static final Pattern RANDOM = Pattern.compile("on (\\d+) random N\\(0,1\\) inputs \\(seed 1\\): ([\\d.]+)%");

    @TempDir
    Path dir;

    @Test
    void mnist8At8BitsPerChannelKeepsTop1WithinOnePoint() throws Exception {
        Path model = TestData.require("models/mnist8/model.onnx");
        Path images = TestData.require("datasets/mnist-10k/images-idx3-ubyte");
        Path labels = TestData.require("datasets/mnist-10k/labels-idx1-ubyte");
        Path out = dir.resolve("mnist8-q.nir");
        Run r = nnc("quantize", model.toString(), "--calib", images + ":200", "--bits", "8", "--per-channel",
                "--eval", images.toString(), "--eval-labels", labels.toString(), "--eval-range", "8000:8500", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = EVAL.matcher(r.out());
        assertTrue(m.find(), r.out());
        double fl = Double.parseDouble(m.group(1));
        double fx = Double.parseDouble(m.group(2));
        assertTrue(fl > 95, "float top-1 " + fl + "\n" + r.out());
        assertTrue(Math.abs(fl - fx) <= 1.0, "float " + fl + "% vs fixed " + fx + "%\n" + r.out());
        // the per-layer table names the layers and their 8-bit types
        assertTrue(r.out().contains("ReLU32") && r.out().contains("ufixed<8,"), r.out());
        ModuleOp q = IrParser.parse(Files.readString(out), out.toString());
        assertEquals(List.of(), Verifier.verify(q, DialectRegistry.standard()));
        String text = Files.readString(out);
        assertTrue(text.contains("\"q.requantize\"") && text.contains("fixed<8,8>") && !text.contains("calib_range"), text);
        lowersBitExactly(out, Path.of(model.getParent().toString(), "test_data_set_3", "input_0.pb"),
                Path.of(model.getParent().toString(), "test_data_set_7", "input_0.pb"));
    }

    /**
     * The contract of docs/hardware.md §1: what quantize writes, lower-kernel reads, and the
     * kernel level computes the same bits as the q level.
     */
    private void lowersBitExactly(Path quantized, Path... inputs) throws Exception {
        Path kernel = dir.resolve("kernel.nir");
        Run lowered = nnc("opt", quantized.toString(), "--pass-pipeline=lower-kernel", "-o", kernel.toString());
        assertEquals(0, lowered.code(), lowered.err());
        assertTrue(Files.readString(kernel).contains("\"kernel."), "no kernel ops");
        for (Path in : inputs) {
            Path a = dir.resolve("q.npz");
            Path b = dir.resolve("k.npz");
            assertEquals(0, nnc("run", quantized.toString(), "--input", in.toString(), "-o", a.toString()).code());
            assertEquals(0, nnc("run", kernel.toString(), "--input", in.toString(), "-o", b.toString()).code());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "q and kernel levels differ on " + in);
        }
    }

    @Test
    void jetTaggerAtFixed16x6AgreesWithFloat() throws Exception {
        Path model = TestData.require("models/jet_tagger/model.onnx");
        Path out = dir.resolve("jet-q.nir");
        Run r = nnc("quantize", model.toString(), "--type", "fixed<16,6>", "--calib-random", "50", "--eval-random", "300", "--seed", "1",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("WARNING: no --calib given"), r.err());
        Matcher m = RANDOM.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals("300", m.group(1));
        assertTrue(Double.parseDouble(m.group(2)) >= 99.0, r.out());
        assertTrue(r.out().contains("Softmax") && r.out().contains("fixed<16,6>"), r.out());
        lowersBitExactly(out, Path.of(model.getParent().toString(), "test_data_set_0", "input_0.pb"));
    }

    @Test
    void badConfigFileIsOneLine() throws Exception {
        Path model = TestData.require("models/jet_tagger/model.onnx");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"layers\": ");
        assertOneLineError(nnc("quantize", model.toString(), "--config", broken.toString()), List.of(broken.toString(), "not valid JSON"));
        Path key = Files.writeString(dir.resolve("key.json"), "{\"layers\": {\"Add\": {\"bitz\": 8}}}");
        assertOneLineError(nnc("quantize", model.toString(), "--config", key.toString()), List.of(key.toString(), "unknown key 'bitz'"));
        Path both = Files.writeString(dir.resolve("both.json"), "{\"layers\": {\"Add\": {\"bits\": 8, \"type\": \"fixed<8,3>\"}}}");
        assertOneLineError(nnc("quantize", model.toString(), "--config", both.toString()), List.of("layer 'Add'", "not both"));
    }

    @Test
    void unknownLayerInConfigIsOneLine() throws Exception {
        Path model = TestData.require("models/jet_tagger/model.onnx");
        Path calib = calibFolder();
        Path cfg = Files.writeString(dir.resolve("layers.json"), "{\"layers\": {\"NoSuchLayer\": {\"bits\": 8}}}");
        Path out = dir.resolve("q.nir");
        assertOneLineError(nnc("quantize", model.toString(), "--calib", calib.toString(), "--config", cfg.toString(), "-o", out.toString()),
                List.of("no layer 'NoSuchLayer'", "Add1"));
        assertFalse(Files.exists(out));
    }

    @Test
    void perLayerOverrideChangesThatLayerOnly() throws Exception {
        Path model = TestData.require("models/jet_tagger/model.onnx");
        Path cfg = Files.writeString(dir.resolve("layers.json"), "{\"layers\": {\"Add1\": {\"type\": \"fixed<12,7>\"}}}");
        Path out = dir.resolve("q.nir");
        Run r = nnc("quantize", model.toString(), "--calib", calibFolder().toString(), "--config", cfg.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(out);
        assertTrue(text.matches("(?s).*\"q.cast\"\\([^\\n]*-> tensor<1x32xfixed<12,7>> loc\\(\"Add1\"\\).*"), text);
        assertTrue(text.matches("(?s).*\"q.cast\"\\([^\\n]*-> tensor<1x64xfixed<16,6>> loc\\(\"Add\"\\).*"), text);
    }

    @Test
    void unsupportedOpIsOneLineNamingTheNode() {
        Path model = TestData.require("models/mnist8_qdq/model.onnx");
        Run r = nnc("quantize", model.toString(), "--calib-random", "1");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.contains("WARNING")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("nnc: error: ") && lines.get(0).contains("node '")
                && lines.get(0).contains("quantize does not support this op"), r.err());
    }

    @Test
    void typeAndBitsTogetherIsAUsageError() {
        Path model = TestData.require("models/jet_tagger/model.onnx");
        assertOneLineError(nnc("quantize", model.toString(), "--type", "fixed<16,6>", "--bits", "8"), List.of("not both"));
        assertOneLineError(nnc("quantize", model.toString(), "--type", "fixed<16"), List.of("not a fixed-point type"));
    }

    /** The jet tagger's own test inputs as a calibration folder. */
    private Path calibFolder() {
        return TestData.require("models/jet_tagger");
    }
}
