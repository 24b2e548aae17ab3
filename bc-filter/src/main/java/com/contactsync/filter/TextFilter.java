package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.List;

/** A Text or Code field. A null value is the empty text, as in Business Central, where text is never null. */
final class TextFilter implements FieldFilter {

    private final ContactField field;
    private final Expr<TextCondition> expression;

    private TextFilter(ContactField field, Expr<TextCondition> expression) {
        this.field = field;
        this.expression = expression;
    }

    static TextFilter bind(ContactField field, Expr<Condition> expression) {
        return new TextFilter(field, expression.map(c -> TextCondition.bind(field, c)));
    }

    @Override
    public boolean test(ContactSnapshot contact) {
        Object value = field.value.apply(contact);
        return matches(value == null ? "" : (String) value);
    }

    private boolean matches(String value) {
        return expression.test(c -> c.test(value));
    }

    @Override
    public String toSql(String column, List<Object> parameters) {
        // A NULL column is decided here, once, as the empty text would be; the conditions then see only non-null
        // values and each of them is TRUE or FALSE.
        String conditions = expression.toSql(c -> c.toSql(column, parameters));
        return matches("")
                ? "(" + column + " IS NULL OR " + conditions + ")"
                : "(" + column + " IS NOT NULL AND " + conditions + ")";
    }

    /**
     * A condition with its operands ready: upper-cased for a Code field or with {@code @}; {@code foldValue} says
     * whether the field's value is upper-cased too (only with {@code @}: Code values are upper-case already, and
     * comparing them as stored keeps a plain index on the column usable).
     */
    record TextCondition(Operator operator, boolean foldValue, Operand operand, Operand upperBound) {

        static TextCondition bind(ContactField field, Condition condition) {
            boolean upper = field.kind == ContactField.Kind.CODE || condition.ignoreCase();
            Operand operand = upper && condition.operand() != null
                    ? condition.operand().upperCase() : condition.operand();
            Operand upperBound = upper && condition.upperBound() != null
                    ? condition.upperBound().upperCase() : condition.upperBound();
            Operator operator = condition.operator();
            if (operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
                refuseWildcards(field, condition, operand);
                refuseWildcards(field, condition, upperBound);
            }
            if (operator == Operator.RANGE && operand != null && upperBound != null
                    && Text.compare(operand.text(), upperBound.text()) > 0) {
                // Business Central accepts it and selects nothing; here that would empty a user's Outlook folder
                // over a typo, so it is refused.
                throw new FilterException(field.fieldName, condition.position(), "the range at position "
                        + condition.position() + " is reversed: '" + operand.text() + "' comes after '"
                        + upperBound.text() + "'");
            }
            return new TextCondition(operator, condition.ignoreCase(), operand, upperBound);
        }

        private static void refuseWildcards(ContactField field, Condition condition, Operand operand) {
            if (operand != null && operand.hasWildcards()) {
                int at = operand.wildcardPosition();
                String where = condition.operator() == Operator.RANGE
                        ? "in a range" : "with '" + condition.operator().symbol + "'";
                throw new FilterException(field.fieldName, at, "wildcard at position " + at + " cannot be used "
                        + where + "; * and ? work with a plain value or after <>");
            }
        }

        boolean test(String value) {
            String v = foldValue ? Text.upperCase(value) : value;
            return switch (operator) {
                case EQUAL -> operand.matches(v);
                case NOT_EQUAL -> !operand.matches(v);
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL ->
                        operator.accepts(Text.compare(v, operand.text()));
                case RANGE -> (operand == null || Text.compare(v, operand.text()) >= 0)
                        && (upperBound == null || Text.compare(v, upperBound.text()) <= 0);
            };
        }

        /**
         * Equality stays in the column's collation, so a plain or {@code upper(column)} index serves it (equality
         * is exact under every deterministic collation). Order and patterns use {@code "C"}: code-point order, the
         * one order Java reproduces exactly, and an index on {@code (column COLLATE "C")} serves ranges and
         * prefix patterns.
         */
        String toSql(String column, List<Object> parameters) {
            String value = foldValue ? "upper(" + column + ")" : column;
            String ordered = value + " COLLATE \"C\"";
            return switch (operator) {
                case EQUAL -> pattern(value, ordered, "=", "LIKE", parameters);
                case NOT_EQUAL -> pattern(value, ordered, "<>", "NOT LIKE", parameters);
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> {
                    parameters.add(operand.text());
                    yield ordered + " " + operator.symbol + " ?";
                }
                case RANGE -> {
                    if (operand == null) {
                        parameters.add(upperBound.text());
                        yield ordered + " <= ?";
                    }
                    parameters.add(operand.text());
                    if (upperBound == null) {
                        yield ordered + " >= ?";
                    }
                    parameters.add(upperBound.text());
                    yield "(" + ordered + " >= ? AND " + ordered + " <= ?)";
                }
            };
        }

        private String pattern(String value, String ordered, String equality, String like, List<Object> parameters) {
            if (operand.hasWildcards()) {
                parameters.add(operand.likePattern());
                return ordered + " " + like + " ? ESCAPE '\\'";
            }
            parameters.add(operand.text());
            return value + " " + equality + " ?";
        }
    }
}
