package dev.nnc.tests;

import static dev.nnc.tests.BadInputCliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.io.Npy;
import dev.nnc.frontend.TensorFiles;
import dev.nnc.cli.io.Npz;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc compile --target cpu -o model.jar}: the jar runs on its own ({@code java -jar}, in a
 * fresh JVM whose class path is only the jar) and gives the interpreter's outputs; compiling twice
 * gives the same bytes.
 */
class CpuJarTest {
    @TempDir
    Path dir;

    @Test
    void mnist8JarRunsAloneAndMatchesTheInterpreter() throws Exception {
        Path model = TestData.require("models").resolve("mnist8/model.onnx");
        Path jar = dir.resolve("mnist8.jar");
        BadInputCliTest.Run compile = nnc("compile", model.toString(), "--target", "cpu", "-o", jar.toString(), "-O2");
        assertEquals(0, compile.code(), compile.err());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("dev/nnc/cpu/runtime/DenseConv.class") != null, "runtime kernels copied");
            assertTrue(zip.getEntry("dev/nnc/cpu/runtime/VectorPackedKernel.java.txt") != null, "vector kernel source copied");
            assertTrue(zip.getEntry("dev/nnc/cli/Main.class") == null, "not the whole of nnc");
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("dev/nnc/cpu/gen/")
                    || e.getName().startsWith("dev/nnc/ir/onnx/")), "not the code generator nor the op library");
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("picocli/") || e.getName().startsWith("com/")));
        }
        Tensor x = TensorFiles.readTensorProto(model.resolveSibling("test_data_set_0/input_0.pb"));
        Path in = dir.resolve("x.npy");
        Npy.write(in, x);
        Path out = dir.resolve("out.npz");
        ModuleOp module = dev.nnc.frontend.OnnxImporter.importFile(model);
        String inputName = module.mainFunction().inputNames().get(0);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--input", inputName + "=" + in, "-o", out.toString(), "--threads", "2")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);

        Map<String, Tensor> want = new Interpreter().run(module, Map.of(inputName, x));
        Map<String, Tensor> got = Npz.read(out);
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            double[] w = want.get(name).doubles();
            double[] g = got.get(name).doubles();
            assertEquals(w.length, g.length);
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i], g[i], 1e-5 + 1e-3 * Math.abs(w[i]), name + "[" + i + "]");
            }
        }

        Path again = dir.resolve("again.jar");
        assertEquals(0, nnc("compile", model.toString(), "--target", "cpu", "-o", again.toString(), "-O2").code());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(again), "compile is deterministic");
    }

    @Test
    void theHlsTargetIsNotImplementedYet() throws IOException {
        Path model = TestData.require("models").resolve("mnist8/model.onnx");
        for (String target : List.of("hls")) {
            BadInputCliTest.Run r = nnc("compile", model.toString(), "--target", target, "-o", dir.resolve("m.jar").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("not implemented yet"), r.err());
        }
    }
}
