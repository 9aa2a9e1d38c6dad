package dev.nnc.passes;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.diag.Diagnostic;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a running pass can reach: the dialect registry, diagnostics (an error fails the pass and
 * names the op), and named statistics such as {@code "folded" = 12} that {@code --timing} and
 * tests read.
 */
public final class PassContext {
    private final DialectRegistry registry;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Long> statistics = new TreeMap<>();

    public PassContext(DialectRegistry registry) {
        this.registry = registry;
    }

    public PassContext() {
        this(DialectRegistry.standard());
    }

    public DialectRegistry registry() {
        return registry;
    }

    /** Reports an error at {@code op} and returns an exception the pass can throw to stop. */
    public NncException error(Operation op, String message) {
        Diagnostic d = Diagnostic.error(op.location(), message);
        diagnostics.add(d);
        return new NncException(op.location(), message);
    }

    public void warning(Operation op, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, op.location(), message));
    }

    public List<Diagnostic> diagnostics() {
        return Collections.unmodifiableList(diagnostics);
    }

    /** Adds {@code delta} to the statistic {@code name} of the running pass. */
    public void count(String name, long delta) {
        statistics.merge(name, delta, Long::sum);
    }

    public Map<String, Long> statistics() {
        return Collections.unmodifiableMap(statistics);
    }
}
