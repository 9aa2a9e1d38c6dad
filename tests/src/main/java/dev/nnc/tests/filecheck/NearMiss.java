package dev.nnc.tests.filecheck;

/**
 * Where a pattern that was not found was probably meant to match: the line after the search
 * start that holds the closest approximate occurrence of the pattern's text (fewest edits, an
 * occurrence may start anywhere in the line), if it is close enough to be worth showing, like
 * FileCheck's "possible intended match here".
 */
final class NearMiss {
    private static final int MAX_LINES = 300;
    private static final int MAX_LENGTH = 400;

    private NearMiss() {
    }

    /** The position of the start of the best near match in [from, to), or -1. */
    static int find(OutputText out, String wanted, int from, int to) {
        String w = wanted.strip();
        if (w.length() < 3 || w.length() > MAX_LENGTH || from >= to) {
            return -1;
        }
        int budget = w.length() / 3; // more edits than this is not "nearly" the same text
        int best = -1;
        int bestDistance = budget + 1;
        int first = out.lineOf(from);
        int last = Math.min(out.lineOf(Math.max(from, to - 1)), first + MAX_LINES);
        for (int l = first; l <= last; l++) {
            int start = Math.max(out.lineStart(l), from);
            String line = out.text().substring(start, Math.min(start + MAX_LENGTH, out.lineStart(l) + out.line(l).length()));
            int[] hit = substringDistance(w, line);
            if (hit[0] < bestDistance) {
                bestDistance = hit[0];
                best = start + hit[1];
            }
        }
        return best;
    }

    /** {edits, start}: the fewest edits turning some substring of {@code text} into {@code pattern}. */
    private static int[] substringDistance(String pattern, String text) {
        int n = text.length();
        int[] prev = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] curStart = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prevStart[j] = j; // an occurrence may begin anywhere, for free
        }
        for (int i = 1; i <= pattern.length(); i++) {
            cur[0] = i;
            curStart[0] = 0;
            for (int j = 1; j <= n; j++) {
                int sub = prev[j - 1] + (pattern.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1);
                int del = prev[j] + 1;
                int ins = cur[j - 1] + 1;
                if (sub <= del && sub <= ins) {
                    cur[j] = sub;
                    curStart[j] = prevStart[j - 1];
                } else if (del <= ins) {
                    cur[j] = del;
                    curStart[j] = prevStart[j];
                } else {
                    cur[j] = ins;
                    curStart[j] = curStart[j - 1];
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            t = prevStart;
            prevStart = curStart;
            curStart = t;
        }
        int best = 0;
        for (int j = 1; j <= n; j++) {
            if (prev[j] < prev[best]) {
                best = j;
            }
        }
        return new int[] {prev[best], prevStart[best]};
    }
}
