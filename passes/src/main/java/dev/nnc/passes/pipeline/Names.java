package dev.nnc.passes.pipeline;

import java.util.Collection;
import java.util.Locale;

/** Spelling helpers for pipeline text: kebab-case option names and "did you mean" suggestions. */
public final class Names {
    private Names() {
    }

    /**
     * {@code sizeLimit} → {@code size-limit}; an acronym stays one word: {@code maxIRSize} →
     * {@code max-ir-size}, {@code use2DTiles} → {@code use2d-tiles}.
     */
    public static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = camel.charAt(i - 1);
                boolean acronymEnds = Character.isUpperCase(prev) && i + 1 < camel.length()
                        && Character.isLowerCase(camel.charAt(i + 1));
                if (Character.isLowerCase(prev) || acronymEnds) {
                    sb.append('-');
                }
            }
            sb.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** An enum constant as written in pipeline text: lower case, {@code _} as {@code -}. */
    public static String enumSpelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The candidate nearest to {@code word} by edit distance, or null when none is close. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Levenshtein edit distance, for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
