package com.contactsync.graphsim.odata;

import com.contactsync.graphsim.error.GraphException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * The part of OData's {@code $filter} grammar Graph's contact endpoints take: {@code eq}/{@code ne} between a
 * property path and a literal, {@code and}/{@code or}/{@code not}, parentheses, and {@code any}/{@code all} lambdas
 * over collections ({@code singleValueExtendedProperties/Any(ep: ep/id eq '...')}). Keywords are case-insensitive,
 * as Graph accepts {@code Any}; string comparisons are too, as in Exchange.
 */
final class FilterParser {

    private final List<Token> tokens;
    private int position;

    private FilterParser(String text) {
        this.tokens = tokenize(text);
    }

    /** @throws GraphException 400 for anything outside the supported grammar */
    static Predicate<JsonNode> parse(String text) {
        FilterParser parser = new FilterParser(text);
        Condition condition = parser.or();
        parser.expect(Kind.END, "end of expression");
        return node -> condition.test(new Scope(node, Map.of()));
    }

    private record Scope(JsonNode root, Map<String, JsonNode> variables) {
        Scope with(String variable, JsonNode value) {
            Map<String, JsonNode> bound = new HashMap<>(variables);
            bound.put(variable, value);
            return new Scope(root, bound);
        }
    }

    private interface Condition {
        boolean test(Scope scope);
    }

    private interface Operand {
        JsonNode value(Scope scope);
    }

    private Condition or() {
        Condition left = and();
        while (keyword("or")) {
            Condition l = left;
            Condition r = and();
            left = s -> l.test(s) || r.test(s);
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (keyword("and")) {
            Condition l = left;
            Condition r = unary();
            left = s -> l.test(s) && r.test(s);
        }
        return left;
    }

    private Condition unary() {
        if (keyword("not")) {
            Condition inner = unary();
            return s -> !inner.test(s);
        }
        if (peek().kind == Kind.OPEN) {
            position++;
            Condition inner = or();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        return comparisonOrLambda();
    }

    private Condition comparisonOrLambda() {
        Token start = peek();
        if (start.kind != Kind.NAME) {
            return comparison(literal());
        }
        List<String> path = new ArrayList<>();
        path.add(next().text);
        while (peek().kind == Kind.SLASH) {
            position++;
            Token segment = expect(Kind.NAME, "a property name");
            boolean lambda = peek().kind == Kind.OPEN
                    && (segment.text.equalsIgnoreCase("any") || segment.text.equalsIgnoreCase("all"));
            if (lambda) {
                return lambda(path(List.copyOf(path)), segment.text.equalsIgnoreCase("any"));
            }
            path.add(segment.text);
        }
        if (path.size() == 1 && isLiteralName(path.get(0))) {
            position--;
            return comparison(literal());
        }
        return comparison(path(List.copyOf(path)));
    }

    private Condition lambda(Operand collection, boolean any) {
        expect(Kind.OPEN, "'('");
        String variable = expect(Kind.NAME, "a lambda variable").text;
        expect(Kind.COLON, "':'");
        Condition body = or();
        expect(Kind.CLOSE, "')'");
        return scope -> {
            JsonNode items = collection.value(scope);
            if (!items.isArray()) {
                return false;
            }
            for (JsonNode item : items) {
                if (body.test(scope.with(variable, item)) == any) {
                    return any;
                }
            }
            return !any;
        };
    }

    private Condition comparison(Operand left) {
        Token operator = expect(Kind.NAME, "a comparison operator");
        boolean equal = switch (operator.text.toLowerCase(Locale.ROOT)) {
            case "eq" -> true;
            case "ne" -> false;
            default -> throw invalid("unsupported operator '" + operator.text + "'");
        };
        Operand right = literal();
        return scope -> equal == same(left.value(scope), right.value(scope));
    }

    private Operand literal() {
        Token token = next();
        JsonNode value = switch (token.kind) {
            case STRING -> JsonNodeFactory.instance.stringNode(token.text);
            case NUMBER -> JsonNodeFactory.instance.numberNode(new BigDecimal(token.text));
            case NAME -> switch (token.text.toLowerCase(Locale.ROOT)) {
                case "null" -> JsonNodeFactory.instance.nullNode();
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                default -> throw invalid("unexpected '" + token.text + "'");
            };
            default -> throw invalid("expected a value but found " + token.describe());
        };
        return scope -> value;
    }

    /** The first segment names a lambda variable when one is in scope, else a property of the item. */
    private static Operand path(List<String> segments) {
        return scope -> {
            JsonNode variable = scope.variables().get(segments.get(0));
            JsonNode node = variable != null ? variable : scope.root().get(segments.get(0));
            for (int i = 1; i < segments.size() && node != null; i++) {
                node = node.get(segments.get(i));
            }
            return node == null ? MissingNode.getInstance() : node;
        };
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a.isNull() || a.isMissingNode();
        boolean bNull = b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isString() && b.isString()) {
            return a.stringValue().equalsIgnoreCase(b.stringValue());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isLiteralName(String name) {
        return name.equalsIgnoreCase("null") || name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false");
    }

    private boolean keyword(String word) {
        Token token = peek();
        if (token.kind == Kind.NAME && token.text.equalsIgnoreCase(word)) {
            position++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind != Kind.END) {
            position++;
        }
        return token;
    }

    private Token expect(Kind kind, String what) {
        Token token = next();
        if (token.kind != kind) {
            throw invalid("expected " + what + " but found " + token.describe());
        }
        return token;
    }

    private static GraphException invalid(String detail) {
        return GraphException.badRequest("Invalid filter clause: " + detail + ".");
    }

    private enum Kind {
        NAME, STRING, NUMBER, OPEN, CLOSE, COLON, SLASH, END
    }

    private record Token(Kind kind, String text) {
        String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                // OData string literal: a quote inside is written twice
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw invalid("unterminated string literal");
                    }
                    if (text.charAt(i) == '\'') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(text.charAt(i++));
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if ("():/".indexOf(c) >= 0) {
                Kind kind = switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ':' -> Kind.COLON;
                    default -> Kind.SLASH;
                };
                tokens.add(new Token(kind, String.valueOf(c)));
                i++;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '@') {
                int start = i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.@".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i)));
            } else {
                throw invalid("unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }
}
