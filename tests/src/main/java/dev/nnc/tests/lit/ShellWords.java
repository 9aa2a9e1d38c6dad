package dev.nnc.tests.lit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a RUN command into words as a POSIX shell would for the simple cases RUN lines use:
 * blanks separate words, single quotes keep everything, double quotes keep all but {@code \"}
 * and {@code \\}, a backslash outside quotes escapes the next character, and {@code |} is a word.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String command, String file, int line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == ' ' || c == '\t') {
                word = flush(word, words);
                continue;
            }
            if (c == '|') {
                word = flush(word, words);
                words.add("|");
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IrTestError(file + ":" + line + ": unterminated ' in RUN line");
                }
                word.append(command, i + 1, end);
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(command, i + 1, word, file, line);
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    /** Appends the double-quoted text starting at {@code from}; returns the index of the closing quote. */
    private static int doubleQuoted(String command, int from, StringBuilder word, String file, int line) {
        for (int i = from; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < command.length() && (command.charAt(i + 1) == '"' || command.charAt(i + 1) == '\\')) {
                c = command.charAt(++i);
            }
            word.append(c);
        }
        throw new IrTestError(file + ":" + line + ": unterminated \" in RUN line");
    }

    private static StringBuilder flush(StringBuilder word, List<String> words) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
