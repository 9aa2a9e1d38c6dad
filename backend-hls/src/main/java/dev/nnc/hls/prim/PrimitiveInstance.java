package dev.nnc.hls.prim;

import java.util.List;
import java.util.Map;

/**
 * How one hw op becomes an instance of a hand-written RTL primitive: which module, with which
 * parameter values, and which memory files it reads with {@code $readmemh}. The emitter writes
 * the files and the instantiation; it never computes a parameter itself (docs/hardware.md).
 */
public interface PrimitiveInstance {

    /** The RTL module name, e.g. {@code nnc_mvau}. */
    String module();

    /** The RTL source files (resource names under {@code dev/nnc/hls/rtl/}) the module needs. */
    List<String> sources();

    /**
     * Parameter name → Verilog literal (e.g. {@code "16"}, {@code "\"layer1_w.mem\""}), in
     * declaration order. Memory-file parameters name files from {@link #memoryFiles} with the
     * instance prefix the emitter passes in.
     */
    Map<String, String> parameters(String instanceName);

    /** File name (without the instance prefix) → hex words, one per line, word 0 first. */
    Map<String, List<String>> memoryFiles();

    /**
     * The name on disk of memory file {@code file} of instance {@code instanceName}:
     * {@code <instanceName>_<file>}. {@link #parameters} names this file, and the emitter (or a
     * testbench) writes {@link #memoryFiles} under it beside the RTL.
     */
    static String fileName(String instanceName, String file) {
        return instanceName + "_" + file;
    }
}
