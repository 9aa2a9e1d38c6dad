package dev.nnc.passes;

import java.util.List;
import java.util.Optional;

/** Every pass run of one pipeline execution, in order. */
public record PipelineResult(List<PassRun> runs) {
    public PipelineResult {
        runs = List.copyOf(runs);
    }

    public long totalNanos() {
        return runs.stream().mapToLong(PassRun::nanos).sum();
    }

    /** True when any pass reported a change. */
    public boolean changed() {
        return runs.stream().anyMatch(PassRun::changed);
    }

    /** The statistic {@code name} of the first run of pass {@code argument}. */
    public Optional<Long> statistic(String argument, String name) {
        return runs.stream().filter(r -> r.step().argument().equals(argument)).findFirst()
                .map(r -> r.statistics().get(name));
    }
}
