package dev.nnc.sim.verilator;

/** What a finished process left: its exit code and its standard output and error, as text. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
