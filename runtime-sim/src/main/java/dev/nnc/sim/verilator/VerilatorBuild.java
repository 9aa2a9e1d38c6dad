package dev.nnc.sim.verilator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code verilator --binary} build: the SystemVerilog sources, the top module, {@code -G}
 * overrides of the top's parameters (name → Verilog literal, in order) and the work directory
 * that receives the generated C++, the object files, the executable and the build log. Nothing is
 * cached outside the work directory.
 *
 * @param warningsFatal when false, lint warnings do not stop the build ({@code -Wno-fatal}); the
 *     primitives are held to {@code --lint-only -Wall} separately
 */
public record VerilatorBuild(List<Path> sources, String top, Map<String, String> parameters, Path workDir,
                             boolean warningsFatal) {
    public VerilatorBuild {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no Verilog sources to build");
        }
        sources = List.copyOf(sources);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A build of {@code top} with no parameter overrides, warnings not fatal. */
    public static VerilatorBuild of(List<Path> sources, String top, Path workDir) {
        return new VerilatorBuild(sources, top, Map.of(), workDir, false);
    }

    public VerilatorBuild withParameters(Map<String, String> params) {
        return new VerilatorBuild(sources, top, params, workDir, warningsFatal);
    }
}
