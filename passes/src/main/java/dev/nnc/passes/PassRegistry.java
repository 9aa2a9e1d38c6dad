package dev.nnc.passes;

import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.pipeline.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pass a pipeline can name, by argument. {@link #standard()} holds the project's passes,
 * listed in {@link StandardPasses}; tests build their own with {@link #of} or {@link #with}.
 */
public final class PassRegistry {
    private static volatile PassRegistry standard;
    private final Map<String, PassInfo<?>> passes;

    private PassRegistry(Map<String, PassInfo<?>> passes) {
        this.passes = Collections.unmodifiableMap(passes);
    }

    /** A registry of exactly these passes; two passes with one argument are a bug. */
    public static PassRegistry of(List<? extends PassInfo<?>> infos) {
        Map<String, PassInfo<?>> m = new LinkedHashMap<>();
        for (PassInfo<?> i : infos) {
            if (m.put(i.argument(), i) != null) {
                throw new IllegalArgumentException("two passes are named '" + i.argument() + "'");
            }
        }
        return new PassRegistry(m);
    }

    /** The project's passes ({@link StandardPasses#all()}), built once. */
    public static PassRegistry standard() {
        PassRegistry r = standard;
        if (r == null) {
            synchronized (PassRegistry.class) {
                if (standard == null) {
                    standard = of(StandardPasses.all());
                }
                r = standard;
            }
        }
        return r;
    }

    /** This registry plus {@code more} (e.g. test-only passes). */
    public PassRegistry with(List<? extends PassInfo<?>> more) {
        List<PassInfo<?>> all = new ArrayList<>(passes.values());
        all.addAll(more);
        return of(all);
    }

    public Optional<PassInfo<?>> lookup(String argument) {
        return Optional.ofNullable(passes.get(argument));
    }

    /** The pass named {@code argument}, or an error that suggests the closest name. */
    public PassInfo<?> get(String argument) {
        PassInfo<?> i = passes.get(argument);
        if (i == null) {
            throw new NncException("unknown pass '" + argument + "'" + Names.didYouMean(argument, passes.keySet())
                    + " (see 'nnc opt --list-passes')");
        }
        return i;
    }

    public boolean contains(String argument) {
        return passes.containsKey(argument);
    }

    /** Every pass, in registration order. */
    public List<PassInfo<?>> all() {
        return List.copyOf(passes.values());
    }

    /** Every pass argument, in registration order. */
    public List<String> arguments() {
        return List.copyOf(passes.keySet());
    }
}
