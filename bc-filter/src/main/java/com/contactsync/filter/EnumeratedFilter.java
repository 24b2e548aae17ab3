package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An Option or Boolean field: a handful of values in a fixed order. The expression is decided for each value once;
 * the SQL lists the values that match, so both sides agree by construction.
 */
final class EnumeratedFilter implements FieldFilter {

    /** Rank of a null value: before every member, as the empty text is before every text. */
    private static final int NULL_RANK = -1;

    private final ContactField field;
    private final Domain domain;
    private final Expr<RankCondition> expression;

    private EnumeratedFilter(ContactField field, Domain domain, Expr<RankCondition> expression) {
        this.field = field;
        this.domain = domain;
        this.expression = expression;
    }

    static EnumeratedFilter bind(ContactField field, Expr<Condition> expression) {
        Domain domain = field.kind == ContactField.Kind.BOOLEAN ? Domain.BOOLEAN : Domain.CONTACT_TYPE;
        return new EnumeratedFilter(field, domain, expression.map(c -> RankCondition.bind(field, domain, c)));
    }

    @Override
    public boolean test(ContactSnapshot contact) {
        return matches(domain.rankOf(field.value.apply(contact)));
    }

    private boolean matches(int rank) {
        return expression.test(c -> c.test(rank));
    }

    @Override
    public String toSql(String column, List<Object> parameters) {
        List<Member> matching = domain.members.stream().filter(m -> matches(domain.members.indexOf(m))).toList();
        boolean nullMatches = domain.nullable && matches(NULL_RANK);
        if (matching.isEmpty()) {
            return nullMatches ? column + " IS NULL" : "FALSE";
        }
        if (matching.size() == domain.members.size()) {
            return nullMatches ? "TRUE" : column + " IS NOT NULL";
        }
        matching.forEach(m -> parameters.add(m.sqlValue()));
        String in = column + " IN (" + matching.stream().map(m -> "?").collect(Collectors.joining(", ")) + ")";
        return nullMatches
                ? "(" + column + " IS NULL OR " + in + ")"
                : "(" + column + " IS NOT NULL AND " + in + ")";
    }

    /** A value of the field, its spellings in a filter (any case), and its value in the database. */
    record Member(Object value, Object sqlValue, List<String> spellings) {
    }

    /** The values of a field in Business Central's order. */
    static final class Domain {

        /** BC's enum "Contact Type": Company = 0, Person = 1. Stored by name. */
        static final Domain CONTACT_TYPE = new Domain(true, "a contact type", "use COMPANY or PERSON (or '' for none)",
                List.of(new Member(ContactType.COMPANY, "COMPANY", List.of("COMPANY")),
                        new Member(ContactType.PERSON, "PERSON", List.of("PERSON"))));
        /** BC shows booleans as No and Yes, and accepts them in filters; false comes first. */
        static final Domain BOOLEAN = new Domain(false, "a Boolean", "use true, false, Yes or No",
                List.of(new Member(false, false, List.of("FALSE", "NO")),
                        new Member(true, true, List.of("TRUE", "YES"))));

        final boolean nullable;
        /** For messages: what a value is ("a Boolean") and which values there are. */
        final String what;
        final String hint;
        final List<Member> members;

        private Domain(boolean nullable, String what, String hint, List<Member> members) {
            this.nullable = nullable;
            this.what = what;
            this.hint = hint;
            this.members = members;
        }

        int rankOf(Object value) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).value().equals(value)) {
                    return i;
                }
            }
            return NULL_RANK;
        }

        int rankOf(ContactField field, Operand operand) {
            String text = operand.text();
            if (operand.hasWildcards()) {
                throw new FilterException(field.fieldName, operand.wildcardPosition(), "wildcard at position "
                        + operand.wildcardPosition() + " cannot be used for " + what + "; " + hint);
            }
            if (text.isEmpty() && nullable) {
                return NULL_RANK;
            }
            String upper = text.toUpperCase(Locale.ROOT);
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).spellings().contains(upper)) {
                    return i;
                }
            }
            throw new FilterException(field.fieldName, operand.position(), "'" + text + "' at position "
                    + operand.position() + " is not " + what + "; " + hint);
        }
    }

    /** A condition over ranks; an open range bound is the lowest or highest rank there is. */
    record RankCondition(Operator operator, int rank, int upperRank) {

        static RankCondition bind(ContactField field, Domain domain, Condition condition) {
            int rank = condition.operand() == null ? Integer.MIN_VALUE : domain.rankOf(field, condition.operand());
            int upperRank = condition.upperBound() == null
                    ? Integer.MAX_VALUE : domain.rankOf(field, condition.upperBound());
            if (condition.operator() == Operator.RANGE && rank > upperRank) {
                throw new FilterException(field.fieldName, condition.position(), "the range at position "
                        + condition.position() + " is reversed: '" + condition.operand().text() + "' comes after '"
                        + condition.upperBound().text() + "'");
            }
            return new RankCondition(condition.operator(), rank, upperRank);
        }

        boolean test(int value) {
            return switch (operator) {
                case EQUAL -> value == rank;
                case NOT_EQUAL -> value != rank;
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> operator.accepts(Integer.compare(value, rank));
                case RANGE -> value >= rank && value <= upperRank;
            };
        }
    }
}
