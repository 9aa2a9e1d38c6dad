package dev.nnc.passes.instrument;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.text.IrPrinter;
import dev.nnc.passes.Instrumentation;
import dev.nnc.passes.PassFailure;
import dev.nnc.passes.PassRun;
import dev.nnc.passes.PassStep;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prints the IR to a stream (stderr in the CLI) before or after chosen passes, each dump under a
 * header comment {@code // -----// IR dump after fuse //----- //}; with {@code onlyOnChange} an
 * after-dump is skipped when the text did not change; a failing pass's after-dump is headed
 * {@code after fuse failed}. Passes are chosen by argument.
 */
public final class IrPrinting implements Instrumentation {
    private final PassSelection before;
    private final PassSelection after;
    private final boolean onlyOnChange;
    private final PrintWriter out;
    private final Map<Integer, String> textBefore = new HashMap<>();

    public IrPrinting(PassSelection before, PassSelection after, boolean onlyOnChange, PrintWriter out) {
        this.before = before;
        this.after = after;
        this.onlyOnChange = onlyOnChange;
        this.out = out;
    }

    /** Which passes a dump applies to: all, none, or those with the given arguments. */
    public record PassSelection(boolean all, Set<String> arguments) {
        public static final PassSelection NONE = new PassSelection(false, Set.of());
        public static final PassSelection ALL = new PassSelection(true, Set.of());

        public PassSelection {
            arguments = Set.copyOf(arguments);
        }

        public static PassSelection of(Set<String> arguments) {
            return new PassSelection(false, arguments);
        }

        public boolean matches(PassStep step) {
            return all || arguments.contains(step.argument());
        }

        public boolean isEmpty() {
            return !all && arguments.isEmpty();
        }
    }

    @Override
    public void beforePass(PassStep step, ModuleOp module) {
        String text = null;
        if (before.matches(step)) {
            text = IrPrinter.print(module);
            dump("before", step, text);
        }
        if (onlyOnChange && after.matches(step)) {
            textBefore.put(step.index(), text != null ? text : IrPrinter.print(module));
        }
    }

    @Override
    public void afterPass(PassStep step, ModuleOp module, PassRun run) {
        if (!after.matches(step)) {
            return;
        }
        String text = IrPrinter.print(module);
        String old = textBefore.remove(step.index());
        if (!onlyOnChange || !text.equals(old)) {
            dump("after", step, text);
        }
    }

    /** The IR a failing pass left behind, when its after-dump was asked for. */
    @Override
    public void afterFailure(PassStep step, ModuleOp module, PassFailure failure) {
        textBefore.remove(step.index());
        if (after.matches(step)) {
            dump("after", step.argument() + " failed", IrPrinter.print(module));
        }
    }

    private void dump(String when, PassStep step, String text) {
        dump(when, step.argument(), text);
    }

    private void dump(String when, String pass, String text) {
        out.println(header(when, pass));
        out.print(text);
        out.flush();
    }

    /** The comment line above each dump. */
    public static String header(String when, String pass) {
        return "// -----// IR dump " + when + " " + pass + " //----- //";
    }
}
