package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.io.Npy;
import dev.nnc.hls.BuildFiles;
import dev.nnc.hls.BuildWriter;
import dev.nnc.hls.design.DesignBuilder;
import dev.nnc.hls.design.DesignFiles;
import dev.nnc.hls.model.Design;
import dev.nnc.hls.netlist.NetlistReader;
import dev.nnc.hls.prim.PrimitiveRegistry;
import dev.nnc.hls.prim.SwgInstance;
import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.text.IrParser;
import dev.nnc.ir.type.FloatType;
import dev.nnc.sim.verilator.Verilator;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc sim --engine both} on a small emitted design (a sliding window on a 4x4x2 image):
 * the RTL on Verilator and the cycle simulator give the same beats at the same cycles, and both
 * equal the kernel semantics bit for bit.
 */
class SimVerilatorTest {
    private static final String DESIGN = """
            "builtin.module"() <{opset = 13}> ({
              "func.func"() <{arg_names = ["x"], result_names = ["y"], sym_name = "main"}> ({
              ^bb0(%x: tensor<1x2x4x4xf32>):
                %q = "q.quantize"(%x) : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xfixed<8,3>>
                %s0 = "hw.source"(%q) <{perm = [0, 2, 3, 1]}> : (tensor<1x2x4x4xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>>
                %s1 = "hw.swg"(%s0) <{dilations = [1, 1], in_shape = [4, 4, 2], kernel_shape = [3, 3], out_shape = [4, 4, 18], pads = [1, 1, 1, 1], simd = 2, strides = [1, 1]}> : (!hw.stream<2xfixed<8,3>>) -> !hw.stream<2xfixed<8,3>> loc("win")
                %t = "hw.sink"(%s1) <{perm = [0, 3, 1, 2]}> : (!hw.stream<2xfixed<8,3>>) -> tensor<1x18x4x4xfixed<8,3>>
                %y = "q.dequantize"(%t) : (tensor<1x18x4x4xfixed<8,3>>) -> tensor<1x18x4x4xf32>
                "func.return"(%y) : (tensor<1x18x4x4xf32>) -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    @TempDir
    Path tmp;

    @Test
    void cycleSimulatorAndVerilatorAgreeCycleForCycle() {
        Assumptions.assumeTrue(Verilator.available(), "verilator is not on PATH");
        var module = IrParser.parse(DESIGN, "design.nir");
        PrimitiveRegistry prims = PrimitiveRegistry.empty().with("hw.swg", op -> new SwgInstance(SwgConfig.from(op)));
        Design d = DesignBuilder.build(NetlistReader.read(module.mainFunction()), prims, "swgnet");
        BuildFiles files = new BuildFiles();
        DesignFiles.add(d, files);
        files.put("design.nir", DESIGN);
        Path build = tmp.resolve("build");
        BuildWriter.write(build, files);

        double[] v = new double[2 * 32];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(0.7 * i) * 5;
        }
        Path x = tmp.resolve("x.npy");
        Npy.write(x, Tensor.ofDoubles(FloatType.F32, new int[] {2, 2, 4, 4}, v));
        CliRun r = CliRun.of("sim", build.toString(), "--engine", "both", "-i", "x=" + x, "--frames", "3");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("cycle vs fixed interpreter (kernel semantics of design.nir): y match, 864 raws bit-exact"), r.out());
        assertTrue(r.out().contains("verilator vs fixed interpreter (kernel semantics of design.nir): y match, 864 raws bit-exact"), r.out());
        assertTrue(r.out().contains("cycle == verilator: y, 432 beats identical (cycle and data)"), r.out());
        assertTrue(r.out().matches("(?s).*cycle == verilator: \\d+ cycles.*"), r.out());
    }
}
