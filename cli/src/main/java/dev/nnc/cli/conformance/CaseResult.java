package dev.nnc.cli.conformance;

/** The outcome of one conformance test folder. */
public record CaseResult(String name, Status status, String operator, String reason, long millis) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
