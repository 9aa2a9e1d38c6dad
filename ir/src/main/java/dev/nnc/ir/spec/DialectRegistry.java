package dev.nnc.ir.spec;

import dev.nnc.ir.core.BuiltinDialect;
import dev.nnc.ir.onnx.OnnxDialect;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All dialects known to a run; {@link #standard()} has builtin, func, onnx, q and hw. */
public final class DialectRegistry {
    private static volatile DialectRegistry standard;
    private final Map<String, Dialect> dialects = new TreeMap<>();

    private boolean frozen;

    /** Adds a dialect; the shared {@link #standard()} registry is frozen and refuses. */
    public void add(Dialect d) {
        if (frozen) {
            throw new IllegalStateException("the standard dialect registry is frozen; build your own to add " + d.name());
        }
        dialects.put(d.name(), d);
    }

    public Optional<OpSpec> lookup(String opName) {
        int dot = opName.indexOf('.');
        Dialect d = dot < 0 ? null : dialects.get(opName.substring(0, dot));
        return d == null ? Optional.empty() : d.lookup(opName);
    }

    public Map<String, Dialect> dialects() {
        return Collections.unmodifiableMap(dialects);
    }

    /** The shared registry with every dialect of the project, built once. */
    public static DialectRegistry standard() {
        DialectRegistry r = standard;
        if (r == null) {
            synchronized (DialectRegistry.class) {
                if (standard == null) {
                    DialectRegistry n = new DialectRegistry();
                    BuiltinDialect.all().forEach(n::add);
                    n.add(OnnxDialect.load());
                    n.add(dev.nnc.ir.q.QDialect.create());
                    n.add(dev.nnc.ir.kernel.KernelDialect.create());
                    n.add(dev.nnc.ir.hw.HwDialect.create());
                    n.frozen = true;
                    standard = n;
                }
                r = standard;
            }
        }
        return r;
    }
}
