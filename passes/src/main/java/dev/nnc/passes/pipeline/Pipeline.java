package dev.nnc.passes.pipeline;

import dev.nnc.ir.diag.NncException;
import dev.nnc.passes.IrStage;
import dev.nnc.passes.PassRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered list of passes with options, written as text like
 * {@code canonicalize,fold-constants,fuse{activations=relu,clip size-limit=10},dce}. Printing
 * gives the canonical text and {@code parse(print(p))} equals {@code p}.
 */
public record Pipeline(List<PipelineEntry> entries) {
    public static final Pipeline EMPTY = new Pipeline(List.of());

    public Pipeline {
        entries = List.copyOf(entries);
    }

    /** Parses pipeline text against {@code registry}; every error is one line starting {@code pipeline:}. */
    public static Pipeline parse(String text, PassRegistry registry) {
        return new PipelineParser(text, registry).parse();
    }

    /** The named passes with default options. */
    public static Pipeline of(PassRegistry registry, List<String> arguments) {
        List<PipelineEntry> out = new ArrayList<>();
        for (String a : arguments) {
            out.add(PipelineEntry.of(registry.get(a)));
        }
        return new Pipeline(out);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public PipelineEntry get(int i) {
        return entries.get(i);
    }

    /** This pipeline followed by {@code next}. */
    public Pipeline then(Pipeline next) {
        List<PipelineEntry> all = new ArrayList<>(entries);
        all.addAll(next.entries);
        return new Pipeline(all);
    }

    /** The passes from index {@code from} on (what a crash reproducer replays). */
    public Pipeline from(int from) {
        return new Pipeline(entries.subList(from, entries.size()));
    }

    /**
     * Checks that every pass accepts the stage the one before leaves, starting at {@code input};
     * returns the final stage. The error names both passes (or the input module for the first).
     */
    public IrStage checkStages(IrStage input) {
        IrStage stage = input;
        for (int i = 0; i < entries.size(); i++) {
            PipelineEntry e = entries.get(i);
            if (!e.info().accepts().contains(stage)) {
                String needs = e.info().accepts().stream().sorted().map(IrStage::spelling)
                        .collect(Collectors.joining(" or "));
                String why = i == 0 ? "the input module is at " + stage.spelling()
                        : "'" + entries.get(i - 1).argument() + "' before it leaves the module at " + stage.spelling();
                throw new NncException("pipeline: '" + e.argument() + "' needs the " + needs + " stage, but " + why);
            }
            stage = e.info().after(stage);
        }
        return stage;
    }

    /** The canonical text; the empty pipeline prints as the empty string. */
    @Override
    public String toString() {
        return entries.stream().map(PipelineEntry::toString).collect(Collectors.joining(","));
    }
}
