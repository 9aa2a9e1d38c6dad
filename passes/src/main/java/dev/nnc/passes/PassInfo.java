package dev.nnc.passes;

import java.util.Set;
import java.util.function.Function;

/**
 * The registration of a pass: its kebab-case argument (e.g. {@code fold-constants}), one-line
 * summary, options record type with its defaults, the stages it accepts and the stage it leaves
 * the module in (null: unchanged), and a factory from options to a pass instance.
 *
 * @param <O> the options record; each component is one option, written {@code name=value} in
 *            pipeline text with the component name in kebab-case
 */
public record PassInfo<O extends Record>(String argument, String summary, Class<O> optionsType, O defaults,
                                         Set<IrStage> accepts, IrStage produces, Function<O, Pass> factory) {
    public PassInfo {
        if (!argument.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("pass argument must be kebab-case: " + argument);
        }
        accepts = Set.copyOf(accepts);
    }

    /** A pass instance with the default options. */
    public Pass create() {
        return factory.apply(defaults);
    }

    /** A pass instance with the given options (of this pass's options type). */
    public Pass create(Record options) {
        return factory.apply(optionsType.cast(options));
    }

    /** The stage after this pass, given the stage before it. */
    public IrStage after(IrStage before) {
        return produces == null ? before : produces;
    }
}
