package dev.nnc.passes;

/**
 * The part every pass shares: its registration and the frozen options it runs with. A pass
 * extends this and implements only {@link #run}.
 *
 * @param <O> the pass's options record
 */
public abstract class BasePass<O extends Record> implements Pass {
    private final PassInfo<O> info;
    private final O options;

    protected BasePass(PassInfo<O> info, O options) {
        this.info = info;
        this.options = options;
    }

    @Override
    public final PassInfo<O> info() {
        return info;
    }

    @Override
    public final O options() {
        return options;
    }
}
