package dev.nnc.tests.filecheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One run of directives over one output, with LLVM FileCheck's semantics: labels are found first
 * and split the output into blocks; in a block each positive directive is searched from the end
 * of the previous match, the NOT and DAG directives before it are settled in the gap, and a
 * variable keeps the text it last captured.
 */
final class CheckRun {
    /** A match of a pattern: where, and the variables it defined. */
    private record Match(int start, int end, Map<String, String> captures) {
    }

    private record DagResult(int position, List<CheckDirective> trailingNots) {
    }

    private final OutputText out;
    private final Map<String, String> variables = new HashMap<>();

    CheckRun(OutputText out) {
        this.out = out;
    }

    void run(List<CheckDirective> directives) {
        int regionStart = 0;
        int i = 0;
        while (true) {
            int label = i;
            while (label < directives.size() && directives.get(label).kind() != CheckKind.LABEL) {
                label++;
            }
            if (label == directives.size()) {
                checkRegion(directives.subList(i, label), regionStart, out.length());
                return;
            }
            CheckDirective l = directives.get(label);
            Match m = search(l, regionStart, out.length());
            if (m == null) {
                throw notFound(l, regionStart, out.length());
            }
            checkRegion(directives.subList(i, label + 1), regionStart, m.end());
            regionStart = m.end();
            i = label + 1;
        }
    }

    /** The directives of one block; trailing NOT/DAG directives are settled against the block's end. */
    private void checkRegion(List<CheckDirective> directives, int start, int end) {
        int cursor = start;
        List<CheckDirective> pending = new ArrayList<>();
        for (CheckDirective d : directives) {
            if (d.kind().positive()) {
                cursor = checkPositive(d, pending, cursor, end);
                pending.clear();
            } else {
                pending.add(d);
            }
        }
        if (!pending.isEmpty()) {
            DagResult dag = checkDags(pending, cursor, end);
            checkNots(dag.trailingNots(), dag.position(), end);
        }
    }

    /** Matches {@code d} after the DAG/NOT directives before it; returns the new position. */
    private int checkPositive(CheckDirective d, List<CheckDirective> before, int previousEnd, int end) {
        DagResult dag = checkDags(before, previousEnd, end);
        int from = dag.position();
        int after = from;
        for (int n = 0; n < d.count(); n++) {
            Match m = d.kind() == CheckKind.EMPTY ? findEmptyLine(from, end) : search(d, from, end);
            if (m == null) {
                throw notFound(d, from, end);
            }
            if (n == 0) {
                checkLine(d, dag.position(), m); // as in LLVM: relative to the DAG matches when there are any
                checkNots(dag.trailingNots(), dag.position(), m.start());
            }
            variables.putAll(m.captures());
            after = m.end();
            from = m.end() > m.start() ? m.end() : m.end() + 1; // an empty match must not repeat in place
        }
        return after;
    }

    /** NEXT, SAME and EMPTY constrain the line of the match relative to the previous match. */
    private void checkLine(CheckDirective d, int previousEnd, Match m) {
        int lines = out.newlinesBetween(previousEnd, m.start());
        String problem = null;
        if ((d.kind() == CheckKind.NEXT || d.kind() == CheckKind.EMPTY) && lines != 1) {
            problem = lines == 0 ? "is on the same line as the previous match" : "is not on the line after the previous match";
        } else if (d.kind() == CheckKind.SAME && lines != 0) {
            problem = "is not on the same line as the previous match";
        }
        if (problem != null) {
            throw failure(d, problem, out.note(m.start(), "match is here")
                    + out.note(Math.max(0, Math.min(previousEnd, out.length())), "previous match ended here"));
        }
    }

    /**
     * DAG groups (consecutive DAG directives) match in any order without overlapping; a NOT before
     * a group must not match between the previous position and the group's first match. Returns
     * the position after the last group and the NOT directives after it.
     */
    private DagResult checkDags(List<CheckDirective> pending, int start, int end) {
        List<CheckDirective> nots = new ArrayList<>();
        List<Match> group = new ArrayList<>();
        int position = start;
        for (int i = 0; i < pending.size(); i++) {
            CheckDirective d = pending.get(i);
            if (d.kind() == CheckKind.NOT) {
                nots.add(d);
                continue;
            }
            Match m = searchWithoutOverlap(d, position, end, group);
            variables.putAll(m.captures());
            group.add(m);
            boolean groupEnds = i + 1 == pending.size() || pending.get(i + 1).kind() == CheckKind.NOT;
            if (groupEnds) {
                int firstStart = group.stream().mapToInt(Match::start).min().orElseThrow();
                checkNots(nots, position, firstStart);
                nots.clear();
                position = group.stream().mapToInt(Match::end).max().orElseThrow();
                group.clear();
            }
        }
        return new DagResult(position, nots);
    }

    private Match searchWithoutOverlap(CheckDirective d, int start, int end, List<Match> group) {
        int from = start;
        while (true) {
            Match m = search(d, from, end);
            if (m == null) {
                throw notFound(d, start, end);
            }
            Match overlapped = group.stream().filter(g -> m.start() < g.end() && g.start() < m.end()
                    || m.start() == g.start()).max(Comparator.comparingInt(Match::end)).orElse(null);
            if (overlapped == null) {
                return m;
            }
            from = Math.max(overlapped.end(), m.start() + 1);
            if (from > end) {
                throw notFound(d, start, end);
            }
        }
    }

    private void checkNots(List<CheckDirective> nots, int from, int to) {
        for (CheckDirective n : nots) {
            Match m = search(n, from, to);
            if (m != null) {
                throw failure(n, "excluded string found in input", out.note(m.start(), "found here"));
            }
        }
    }

    /** The first match of {@code d} within [from, to), or null. */
    private Match search(CheckDirective d, int from, int to) {
        CheckPattern.Compiled c = d.pattern().compile(variables);
        if (c == null) {
            List<String> undefined = d.pattern().outsideUses().stream().filter(v -> !variables.containsKey(v)).toList();
            throw failure(d, "uses undefined variable(s): " + String.join(", ", undefined), "");
        }
        if (from > to) {
            return null;
        }
        Matcher m = c.regex().matcher(out.text());
        m.region(from, to);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (!m.find()) {
            return null;
        }
        Map<String, String> captures = new HashMap<>();
        c.groupOfVariable().forEach((name, group) -> captures.put(name, m.group(group)));
        return new Match(m.start(), m.end(), captures);
    }

    /** The first empty line after the line of {@code from} (a line that ends with a newline). */
    private Match findEmptyLine(int from, int end) {
        for (int line = out.lineOf(from) + 1; out.hasLineAfter(line) && out.lineStart(line) < end; line++) {
            if (out.line(line).isEmpty()) {
                int pos = out.lineStart(line);
                return new Match(pos, pos, Map.of());
            }
        }
        return null;
    }

    private CheckFailure notFound(CheckDirective d, int from, int end) {
        int start = Math.min(from, out.length());
        String note = out.note(start, "scanning from here");
        int near = d.kind() == CheckKind.EMPTY ? -1 : NearMiss.find(out, d.pattern().approximateText(variables), start, end);
        if (near >= 0) {
            note += out.note(near, "possible intended match here");
        }
        return failure(d, "expected string not found in input", note);
    }

    private CheckFailure failure(CheckDirective d, String problem, String note) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.where()).append(": error: ").append(d.spelling()).append(": ").append(problem).append('\n');
        sb.append("  ").append(d).append('\n');
        for (String v : d.pattern().outsideUses()) {
            if (variables.containsKey(v)) {
                sb.append("  with \"").append(v).append("\" equal to \"").append(variables.get(v)).append("\"\n");
            }
        }
        sb.append(note);
        return new CheckFailure(d, sb.toString().stripTrailing());
    }
}
