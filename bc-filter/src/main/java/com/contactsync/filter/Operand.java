package com.contactsync.filter;

import java.util.Arrays;

/**
 * A value of a filter expression as code points, with {@code *} and {@code ?} kept apart from the characters they
 * match. Business Central keeps them wildcards even inside quotes ({@code 'J & V*'} finds values starting with
 * {@code J & V}), so a parsed value needs no other marker.
 */
final class Operand {

    static final int ANY_SEQUENCE = -1;
    static final int ANY_ONE = -2;

    private final int[] symbols;
    /** Where the value starts in the expression. */
    private final int position;
    /** Where its first wildcard is, or -1. */
    private final int wildcardPosition;

    Operand(int[] symbols, int position, int wildcardPosition) {
        this.symbols = symbols;
        this.position = position;
        this.wildcardPosition = wildcardPosition;
    }

    int position() {
        return position;
    }

    boolean hasWildcards() {
        return wildcardPosition >= 0;
    }

    int wildcardPosition() {
        return wildcardPosition;
    }

    /** The value as typed, wildcards included: for messages and, without wildcards, for comparisons. */
    String text() {
        StringBuilder text = new StringBuilder(symbols.length);
        for (int symbol : symbols) {
            text.appendCodePoint(symbol == ANY_SEQUENCE ? '*' : symbol == ANY_ONE ? '?' : symbol);
        }
        return text.toString();
    }

    Operand upperCase() {
        int[] upper = Arrays.stream(symbols).map(s -> s < 0 ? s : Character.toUpperCase(s)).toArray();
        return new Operand(upper, position, wildcardPosition);
    }

    /** Whether the whole value matches, {@code *} standing for any run of code points and {@code ?} for one. */
    boolean matches(String value) {
        if (!hasWildcards()) {
            return text().equals(value);
        }
        int[] chars = value.codePoints().toArray();
        // Greedy matching that backtracks only to the last '*': linear for all but adversarial patterns, and the
        // expression length limit bounds those.
        int c = 0;
        int s = 0;
        int starSymbol = -1;
        int starChar = 0;
        while (c < chars.length) {
            if (s < symbols.length && (symbols[s] == ANY_ONE || symbols[s] == chars[c])) {
                s++;
                c++;
            } else if (s < symbols.length && symbols[s] == ANY_SEQUENCE) {
                starSymbol = s++;
                starChar = c;
            } else if (starSymbol >= 0) {
                s = starSymbol + 1;
                c = ++starChar;
            } else {
                return false;
            }
        }
        while (s < symbols.length && symbols[s] == ANY_SEQUENCE) {
            s++;
        }
        return s == symbols.length;
    }

    /** The value as a LIKE pattern with {@code \} as escape character: {@code %}, {@code _} and {@code \} escaped. */
    String likePattern() {
        StringBuilder pattern = new StringBuilder(symbols.length + 8);
        for (int symbol : symbols) {
            switch (symbol) {
                case ANY_SEQUENCE -> pattern.append('%');
                case ANY_ONE -> pattern.append('_');
                case '%', '_', '\\' -> pattern.append('\\').appendCodePoint(symbol);
                default -> pattern.appendCodePoint(symbol);
            }
        }
        return pattern.toString();
    }
}
