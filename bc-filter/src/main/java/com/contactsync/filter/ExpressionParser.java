package com.contactsync.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one field's expression into a tree of {@link Condition}s:
 *
 * <pre>
 * or        = and { "|" and }
 * and       = primary { "&amp;" primary }
 * primary   = "(" or ")" | condition
 * condition = [ "@" ] ( comparison [ "@" ] value | [ value ] ".." [ value ] | value )
 * comparison= "&lt;&gt;" | "&lt;=" | "&gt;=" | "&lt;" | "&gt;" | "="
 * value     = "'" { any character, "''" for a quote } "'" | unquoted characters up to | &amp; ( ) .. or the end
 * </pre>
 *
 * Whitespace around operators and values is ignored; inside a value it is kept.
 */
final class ExpressionParser {

    static final int MAX_LENGTH = 1000;
    static final int MAX_TERMS = 100;
    /** Deeper groups say nothing a flatter expression could not, and each level costs stack in parser and database. */
    static final int MAX_DEPTH = 20;

    private final String field;
    private final String text;
    private int at;
    private int terms;

    private ExpressionParser(String field, String text) {
        this.field = field;
        this.text = text;
    }

    /** The tree of a non-blank expression. */
    static Expr<Condition> parse(String field, String expression) {
        return new ExpressionParser(field, expression).expression();
    }

    /** Whether the expression holds nothing but whitespace: no filter on its field. */
    static boolean isBlank(String expression) {
        return expression.chars().allMatch(c -> isSpace((char) c));
    }

    private Expr<Condition> expression() {
        if (text.length() > MAX_LENGTH) {
            throw error(MAX_LENGTH, "the expression has " + text.length() + " characters; at most " + MAX_LENGTH
                    + " are allowed");
        }
        Expr<Condition> expression = or(0, -1);
        skipSpace();
        if (at < text.length()) {
            throw unexpected();
        }
        return expression;
    }

    /** @param after as for {@link #primary} */
    private Expr<Condition> or(int depth, int after) {
        List<Expr<Condition>> alternatives = new ArrayList<>();
        alternatives.add(and(depth, after));
        while (skipSpace() && peek() == '|') {
            alternatives.add(and(depth, at++));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Expr.Junction<>(false, alternatives);
    }

    /** @param after as for {@link #primary} */
    private Expr<Condition> and(int depth, int after) {
        List<Expr<Condition>> parts = new ArrayList<>();
        parts.add(primary(depth, after));
        while (skipSpace() && peek() == '&') {
            parts.add(primary(depth, at++));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Junction<>(true, parts);
    }

    /**
     * @param after position of the operator or '(' before this primary, for the message when the value is missing;
     *              -1 at the start, where the expression is not blank and so cannot end yet
     */
    private Expr<Condition> primary(int depth, int after) {
        skipSpace();
        if (at == text.length()) {
            throw error(at, "missing value after '" + text.charAt(after) + "' at position " + after);
        }
        char c = peek();
        if (c == '(') {
            int open = at++;
            if (depth == MAX_DEPTH) {
                throw error(open, "parentheses nested deeper than " + MAX_DEPTH + " levels at position " + open);
            }
            Expr<Condition> group = or(depth + 1, open);
            skipSpace();
            if (at == text.length()) {
                throw error(open, "'(' at position " + open + " is never closed");
            }
            if (peek() != ')') {
                throw unexpected();
            }
            at++;
            return group;
        }
        if (c == ')' || c == '|' || c == '&') {
            throw error(at, "missing value before '" + c + "' at position " + at);
        }
        return new Expr.Leaf<>(condition());
    }

    private Condition condition() {
        int start = at;
        if (++terms > MAX_TERMS) {
            throw error(start, "more than " + MAX_TERMS + " terms; the term at position " + start
                    + " is one too many (ranges such as a..z can replace long lists)");
        }
        boolean ignoreCase = false;
        if (peek() == '@') {
            ignoreCase = true;
            at++;
        }
        int operatorAt = at;
        Operator operator = comparison();
        if (operator != null && !ignoreCase && peek() == '@') {
            ignoreCase = true;
            at++;
        }
        Operand lower = value();
        if (text.startsWith("..", at)) {
            int range = at;
            if (operator != null) {
                throw error(range, "'..' at position " + range + " cannot follow '" + operator.symbol
                        + "' at position " + operatorAt + "; write a range as a..b, ..b or a..");
            }
            at += 2;
            Operand upper = value();
            if (lower == null && upper == null) {
                throw error(range, "'..' at position " + range + " needs a value before or after it");
            }
            if (text.startsWith("..", at)) {
                throw error(at, "second '..' at position " + at + "; a range has one");
            }
            return new Condition(start, ignoreCase, Operator.RANGE, lower, upper);
        }
        if (lower == null) {
            String after = operator != null
                    ? "'" + operator.symbol + "' at position " + operatorAt
                    : "'@' at position " + start;
            throw error(at, "missing value after " + after);
        }
        return new Condition(start, ignoreCase, operator == null ? Operator.EQUAL : operator, lower, null);
    }

    private Operator comparison() {
        for (Operator operator : List.of(Operator.NOT_EQUAL, Operator.LESS_OR_EQUAL, Operator.GREATER_OR_EQUAL,
                Operator.LESS, Operator.GREATER, Operator.EQUAL)) {
            if (text.startsWith(operator.symbol, at)) {
                at += operator.symbol.length();
                return operator;
            }
        }
        return null;
    }

    /** A quoted or unquoted value, or null if there is none before the next operator. */
    private Operand value() {
        skipSpace();
        int start = at;
        Symbols symbols = new Symbols();
        if (peek() == '\'') {
            at++;
            while (true) {
                if (at == text.length()) {
                    throw error(start, "unterminated quote at position " + start);
                }
                if (peek() == '\'') {
                    if (text.startsWith("''", at)) {
                        symbols.add('\'');
                        at += 2;
                        continue;
                    }
                    at++;
                    break;
                }
                symbols.take();
            }
            skipSpace();
            if (at < text.length() && !atOperator()) {
                throw error(at, "unexpected '" + text.charAt(at) + "' at position " + at
                        + " after a quoted value; put the whole value inside the quotes");
            }
            return symbols.operand(start, symbols.length());
        }
        int keep = 0;
        while (at < text.length() && !atOperator()) {
            if (peek() == '\'') {
                throw error(at, "quote at position " + at + " inside a value; quote the whole value and double the"
                        + " quote, as in 'O''Brien'");
            }
            boolean space = isSpace(peek());
            symbols.take();
            if (!space) {
                keep = symbols.length();
            }
        }
        return keep == 0 ? null : symbols.operand(start, keep);
    }

    private boolean atOperator() {
        char c = peek();
        return c == '|' || c == '&' || c == '(' || c == ')' || text.startsWith("..", at);
    }

    /** Skips whitespace; true, so that it can lead a loop condition. */
    private boolean skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private FilterException unexpected() {
        char c = text.charAt(at);
        if (c == ')') {
            return error(at, "')' at position " + at + " has no matching '('");
        }
        if (c == '(') {
            return error(at, "unexpected '(' at position " + at + "; to match a parenthesis, quote the value, as in"
                    + " 'Smith (Berlin)'");
        }
        return error(at, "unexpected '" + c + "' at position " + at + " after ')'; expected '|', '&' or ')'");
    }

    private FilterException error(int position, String reason) {
        return new FilterException(field, position, reason);
    }

    /** The code points of a value being read, with wildcards marked and characters PostgreSQL cannot store refused. */
    private final class Symbols {

        private int[] symbols = new int[16];
        private int length;
        private int wildcardPosition = -1;

        int length() {
            return length;
        }

        /** Takes the character (or surrogate pair) at {@code at}. */
        void take() {
            char c = text.charAt(at);
            if (c == '\0') {
                throw error(at, "character U+0000 at position " + at + " is not allowed");
            }
            if (Character.isHighSurrogate(c) && at + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(at + 1))) {
                add(text.codePointAt(at));
                at += 2;
                return;
            }
            if (Character.isSurrogate(c)) {
                throw error(at, "unpaired surrogate U+" + String.format("%04X", (int) c) + " at position " + at
                        + " is not a character");
            }
            if (c == '*' || c == '?') {
                if (wildcardPosition < 0) {
                    wildcardPosition = at;
                }
                add(c == '*' ? Operand.ANY_SEQUENCE : Operand.ANY_ONE);
            } else {
                add(c);
            }
            at++;
        }

        void add(int symbol) {
            if (length == symbols.length) {
                symbols = Arrays.copyOf(symbols, length * 2);
            }
            symbols[length++] = symbol;
        }

        /** The first {@code keep} symbols: trimming drops only whitespace, so the first wildcard stays. */
        Operand operand(int start, int keep) {
            return new Operand(Arrays.copyOf(symbols, keep), start, wildcardPosition);
        }
    }
}
