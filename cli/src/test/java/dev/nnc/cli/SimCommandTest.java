package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.io.Npy;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc sim} on a build folder whose design streams the quantized input straight from its
 * source to its sink (no primitive, so no cycle model is needed): outputs, bit-exact check
 * against kernel.nir, timing lines, frames from a stacked input, and the errors a user can cause.
 */
class SimCommandTest {
    private static final String DESIGN = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x4xf32>):
                %q = "q.quantize"(%x) : (tensor<1x4xf32>) -> tensor<1x4xfixed<8,4>>
                %s0 = "hw.source"(%q) <{perm = [0, 1]}> : (tensor<1x4xfixed<8,4>>) -> !hw.stream<2xfixed<8,4>>
                %t = "hw.sink"(%s0) <{perm = [0, 1]}> : (!hw.stream<2xfixed<8,4>>) -> tensor<1x4xfixed<8,4>>
                %y = "q.dequantize"(%t) : (tensor<1x4xfixed<8,4>>) -> tensor<1x4xf32>
                "func.return"(%y) : (tensor<1x4xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;
    private static final String REFERENCE = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x4xf32>):
                %q = "q.quantize"(%x) : (tensor<1x4xf32>) -> tensor<1x4xfixed<8,4>>
                %y = "q.dequantize"(%q) : (tensor<1x4xfixed<8,4>>) -> tensor<1x4xf32>
                "func.return"(%y) : (tensor<1x4xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @TempDir
    Path tmp;
    Path build;

    @BeforeEach
    void writeBuild() throws Exception {
        build = tmp.resolve("build");
        Files.createDirectories(build);
        Files.writeString(build.resolve("design.nir"), DESIGN);
        Files.writeString(build.resolve("kernel.nir"), REFERENCE);
    }

    private Path input(int frames) {
        double[] v = new double[4 * frames];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 * i - 1.1;
        }
        Path p = tmp.resolve("x" + frames + ".npy");
        Npy.write(p, Tensor.ofDoubles(FloatType.F32, frames == 1 ? new int[] {1, 4} : new int[] {frames, 4}, v));
        return p;
    }

    @Test
    void oneFrameMatchesTheReferenceAndIsSaved() {
        Path out = tmp.resolve("out.npz");
        CliRun r = CliRun.of("sim", build.toString(), "--input", "x=" + input(1), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cycle vs fixed interpreter (kernel.nir): y match, 4 raws bit-exact"), r.out());
        // two beats of two lanes, taken at cycles 0 and 1 straight into the sink
        assertTrue(r.out().contains("cycle: 1 frame, 2 cycles, latency 2 cycles"), r.out());
        Tensor y = Npz.read(out).get("y");
        assertEquals(-1.125, y.getDouble(0));
    }

    @Test
    void stackedFramesRunBackToBack() {
        Path out = tmp.resolve("out.npz");
        CliRun r = CliRun.of("sim", build.toString(), "-i", input(3).toString(), "--frames", "5", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("y match, 20 raws bit-exact"), r.out());
        assertTrue(r.out().contains("cycle: 5 frames, 10 cycles, latency 2 cycles, II 2.00 cycles (latency per frame 2, 2, 2, 2, 2)"), r.out());
        Map<String, Tensor> saved = Npz.read(out);
        assertEquals(5, saved.get("y").dim(0));
    }

    @Test
    void withoutKernelNirTheDesignsOwnKernelSemanticsAreTheReference() throws Exception {
        Files.delete(build.resolve("kernel.nir"));
        CliRun r = CliRun.of("sim", build.toString(), "-i", input(1).toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cycle vs fixed interpreter (kernel semantics of design.nir): y match, 4 raws bit-exact"), r.out());
    }

    @Test
    void aReferenceThatDisagreesExitsOneNamingTheFirstDifference() throws Exception {
        Path other = tmp.resolve("other.nir");
        Files.writeString(other, REFERENCE.replace("q.quantize\"(%x) : (tensor<1x4xf32>)", "q.quantize\"(%x) <{rounding = \"TRN\"}> : (tensor<1x4xf32>)"));
        CliRun r = CliRun.of("sim", build.toString(), "-i", input(1).toString(), "--reference", other.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("cycle vs fixed interpreter (other.nir): y MISMATCH, "), r.out());
        assertTrue(r.out().contains("first: frame 0 ["), r.out());
    }

    @Test
    void aWrongInputShapeIsOneLine() {
        Path bad = tmp.resolve("bad.npy");
        Npy.write(bad, Tensor.ofDoubles(FloatType.F32, new int[] {1, 5}, new double[5]));
        CliRun r = CliRun.of("sim", build.toString(), "-i", bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("the design takes tensor<1x4xf32>"), r.err());
    }

    @Test
    void aMissingBuildFolderIsOneLine() {
        CliRun r = CliRun.of("sim", tmp.resolve("nowhere").toString(), "-i", input(1).toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
    }
}
