package dev.nnc.tests.filecheck;

import java.util.List;

/**
 * The project's FileCheck: reads {@code CHECK}-style directives from a check file and checks an
 * output against them with LLVM FileCheck's semantics ({@code CHECK}, {@code -NEXT}, {@code -SAME},
 * {@code -NOT}, {@code -DAG}, {@code -LABEL}, {@code -EMPTY}, {@code -COUNT-n}; {@code [[X:re]]}
 * captures, {@code [[X]]} uses, {@code {{re}}} inline regexes; runs of spaces and tabs match any
 * such run). A mismatch throws {@link CheckFailure}; a broken check file throws
 * {@link CheckFileError}.
 *
 * <pre>{@code
 * FileCheck.parse("// CHECK: %[[X:.*]] = \"onnx.Relu\"\n// CHECK-NEXT: return\"(%[[X]])", "t.nir")
 *          .check(output);
 * }</pre>
 */
public final class FileCheck {
    public static final String DEFAULT_PREFIX = "CHECK";

    private final List<CheckDirective> directives;
    private final List<String> prefixes;

    private FileCheck(List<CheckDirective> directives, List<String> prefixes) {
        this.directives = List.copyOf(directives);
        this.prefixes = List.copyOf(prefixes);
    }

    /** The directives with prefix {@code CHECK} in a whole file. */
    public static FileCheck parse(String checkText, String fileName) {
        return parse(checkText, fileName, 1, List.of(DEFAULT_PREFIX));
    }

    /**
     * The directives with any of {@code prefixes} in {@code checkText}, a part of file
     * {@code fileName} starting at line {@code firstLine} (so failures name the file's own lines).
     */
    public static FileCheck parse(String checkText, String fileName, int firstLine, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("no check prefix given");
        }
        return new FileCheck(new DirectiveParser(prefixes, fileName).parse(checkText, firstLine), prefixes);
    }

    public List<CheckDirective> directives() {
        return directives;
    }

    /** True when the text has at least one directive with these prefixes. */
    public boolean isEmpty() {
        return directives.isEmpty();
    }

    /** Checks {@code output}; failures call it {@code <output>}. */
    public void check(String output) {
        check(output, "<output>");
    }

    /** Checks {@code output}, which failure notes call {@code outputName}. */
    public void check(String output, String outputName) {
        if (directives.isEmpty()) {
            throw new CheckFileError("error: no check strings found with prefix "
                    + String.join(", ", prefixes.stream().map(p -> p + ":").toList()));
        }
        new CheckRun(new OutputText(outputName, output.replace("\r\n", "\n"))).run(directives);
    }
}
