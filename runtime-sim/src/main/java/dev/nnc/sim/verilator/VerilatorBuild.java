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
 * @param runtimeCache a directory where Verilator's design-independent runtime objects are kept
 *     between builds (see {@link RuntimeCache}), or null to compile them in every build
 */
public record VerilatorBuild(List<Path> sources, String top, Map<String, String> parameters, Path workDir,
                             boolean warningsFatal, Path runtimeCache) {
    /**
     * The system property that gives {@link #of} a runtime cache directory: test suites set it
     * (to a folder under {@code target/}) so their many small builds share the runtime objects.
     */
    public static final String RUNTIME_CACHE_PROPERTY = "nnc.verilator.runtime-cache";

    public VerilatorBuild {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no Verilog sources to build");
        }
        sources = List.copyOf(sources);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A build of {@code top} with no parameter overrides, warnings not fatal, and the runtime
     * cache named by {@link #RUNTIME_CACHE_PROPERTY} (none when it is unset).
     */
    public static VerilatorBuild of(List<Path> sources, String top, Path workDir) {
        String cache = System.getProperty(RUNTIME_CACHE_PROPERTY);
        return new VerilatorBuild(sources, top, Map.of(), workDir, false,
                cache == null || cache.isBlank() ? null : Path.of(cache));
    }

    public VerilatorBuild withParameters(Map<String, String> params) {
        return new VerilatorBuild(sources, top, params, workDir, warningsFatal, runtimeCache);
    }

    public VerilatorBuild withRuntimeCache(Path dir) {
        return new VerilatorBuild(sources, top, parameters, workDir, warningsFatal, dir);
    }
}
