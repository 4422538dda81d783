package org.theano4j.tensor.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the small subset of Python literal syntax that {@code .npy} headers use: quoted
 * strings, {@code True}/{@code False}, tuples of integers (Python 2's {@code 3L} included) and
 * punctuation, with whitespace anywhere between tokens.
 */
final class PythonLiteral {
    private final String text;
    private int pos;

    PythonLiteral(String text) {
        this.text = text;
    }

    /** Whether the next token starts with {@code c}. */
    boolean peekIs(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    /** Consumes {@code c}. */
    void expect(char c) {
        if (!peekIs(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** A string in single or double quotes (the header never needs escapes). */
    String string() {
        skipSpace();
        char quote = pos < text.length() ? text.charAt(pos) : 0;
        if (quote != '\'' && quote != '"') {
            throw error("expected a string");
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    /** {@code True} or {@code False}. */
    boolean bool() {
        skipSpace();
        for (String word : new String[] {"True", "False"}) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("True");
            }
        }
        throw error("expected True or False");
    }

    /** A tuple of non-negative integers: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    long[] intTuple() {
        expect('(');
        List<Long> values = new ArrayList<>();
        while (!peekIs(')')) {
            values.add(integer());
            if (!peekIs(')')) {
                expect(',');
            }
        }
        expect(')');
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private long integer() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a non-negative integer");
        }
        long v;
        try {
            v = Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("integer too large");
        }
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        return v;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("npy header: " + what + " at offset " + pos + " of " + text.strip());
    }
}
