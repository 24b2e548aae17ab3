package com.contactsync.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input for the parser, as the REST APIs pass it on: mutated valid filters, very long and deeply nested
 * expressions, odd Unicode, control characters, SQL-ish text, arbitrary JSON. Each is a usable filter or a
 * {@link FilterException} that names a place in the input, never another exception; the limits bound the work, so
 * no input makes the parser, the predicate or the SQL translation loop long.
 */
class FilterFuzzProperties {

    /** Valid expressions from docs/filters.md, for the mutations to start from. */
    private static final List<Map.Entry<String, String>> VALID = List.of(
            Map.entry("city", "Berlin|München"), Map.entry("companyNo", "C00010..C00050"),
            Map.entry("name", "@*gmbh*"), Map.entry("salespersonCode", "<>''"), Map.entry("city", ">=B&<C"),
            Map.entry("name", "'J & V*'"), Map.entry("surname", "'O''Brien'"), Map.entry("city", "(Bern|Berlin)&B*n"),
            Map.entry("type", "<PERSON"), Map.entry("privacyBlocked", "Yes"), Map.entry("name", "@<>berlin"),
            Map.entry("email", "*@schmidt.de"), Map.entry("postCode", "..C00010"), Map.entry("name", "Hans?n"));
    /** Odd characters: control characters, direction marks, combining marks, BOM, a non-character, surrogates. */
    private static final List<String> ODD = List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u200b",
            "\u200e", "\u202e", "\u0301", "\ufeff", "\uffff", "\ud83d\ude00", "\ud800", "\udfff", "\r\n", "\t",
            "İ", "ǅ", "ß", "ﬀ", "%", "_", "\\", "$1", "'; DELETE FROM contact; --", "' OR '1'='1", "/*", "*/",
            "::text", "E'\\x00'", "$$", "\u2028");
    private static final List<ContactSnapshot> CONTACTS = List.of(
            Contacts.contact("C00010", "name", "Müller GmbH", "city", "Berlin", "type", null),
            Contacts.contact("C00020", "name", "O'Brien", "city", "", "email", "anna@schmidt.de"),
            Contacts.contact("K1", "name", "x".repeat(500), "surname", "\ud83d\ude00", "privacyBlocked", true));

    @Property(tries = 1500)
    void aMutatedValidFilterIsAFilterOrAFilterException(@ForAll("mutatedExpressions") Map.Entry<String, String> e) {
        expectFilterOrRefusal(e.getKey(), e.getValue());
    }

    @Property(tries = 300)
    void aVeryLongOrDeeplyNestedExpressionIsRefusedByTheLimits(@ForAll("hugeExpressions") String expression,
            @ForAll("fieldNames") String field) {
        FilterException refused = expectFilterOrRefusal(field, expression);
        if (expression.length() > ContactFilter.MAX_EXPRESSION_LENGTH && Arrays.stream(ContactField.values()).anyMatch(f -> f.fieldName.equals(field))) {
            assertThat(refused).as("over the length limit").isNotNull();
            assertThat(refused.reason()).isEqualTo("the expression has " + expression.length() + " characters; at"
                    + " most " + ContactFilter.MAX_EXPRESSION_LENGTH + " are allowed");
        }
    }

    @Property(tries = 800)
    void anyMapOfFieldsToExpressionsIsAFilterOrAFilterException(@ForAll("expressionMaps") Map<String, String> map) {
        try {
            use(ContactFilter.parse(map));
            Statistics.label("outcome").collect("parsed");
        } catch (FilterException refused) {
            assertThat(map).containsKey(refused.field());
            assertRefusal(refused, refused.field(), map.get(refused.field()));
        }
    }

    @Property(tries = 800)
    void anyJsonTextIsAFilterOrAFilterException(@ForAll("jsonTexts") String json) {
        try {
            use(ContactFilter.parseJson(json));
            Statistics.label("outcome").collect("parsed");
        } catch (FilterException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.position()).isBetween(FilterException.NO_POSITION, json.length());
            Statistics.label("outcome").collect("refused");
        }
    }

    /** Null when the expression parses and the filter works; the refusal, checked by {@link #assertRefusal}, else. */
    private static FilterException expectFilterOrRefusal(String field, String expression) {
        try {
            use(ContactFilter.parse(Map.of(field, expression)));
            Statistics.label("outcome").collect("parsed");
            return null;
        } catch (FilterException refused) {
            assertRefusal(refused, field, expression);
            return refused;
        }
    }

    private static void assertRefusal(FilterException refused, String field, String expression) {
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).isEqualTo(field + ": " + refused.reason());
        assertThat(refused.reason()).isNotBlank();
        assertThat(refused.position()).isBetween(FilterException.NO_POSITION, expression.length());
        Statistics.label("outcome").collect("refused");
    }

    /** Whatever parses can be used both ways without an exception. */
    private static void use(ContactFilter filter) {
        CONTACTS.forEach(filter.predicate()::test);
        SqlFragment sql = filter.toSql(ContactTable::qualifiedColumn);
        assertThat(sql.parameters()).doesNotContainNull();
        // At most two bounds a term: the limits bound the SQL as they bound the parse.
        assertThat(sql.parameters().size()).isLessThanOrEqualTo(ContactFilter.MAX_FIELDS * ContactFilter.MAX_TERMS * 2);
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> mutatedExpressions() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(ContactFilterProperties.FUZZ_TOKENS),
                Arbitraries.of(ODD), Arbitraries.strings().ofMaxLength(3));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(MutationKind.values()),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 20), piece)
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(VALID), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((valid, mutations) -> {
                    String expression = valid.getValue();
                    for (Mutation m : mutations) {
                        expression = m.apply(expression);
                    }
                    return Map.entry(valid.getKey(), expression);
                });
    }

    private enum MutationKind { INSERT, DELETE, REPLACE, DUPLICATE, CUT }

    private record Mutation(MutationKind kind, int at, int length, String piece) {

        String apply(String text) {
            int from = text.isEmpty() ? 0 : at % (text.length() + 1);
            int to = Math.min(text.length(), from + length);
            return switch (kind) {
                case INSERT -> text.substring(0, from) + piece + text.substring(from);
                case DELETE -> text.substring(0, from) + text.substring(to);
                case REPLACE -> text.substring(0, from) + piece + text.substring(to);
                case DUPLICATE -> text.substring(0, to) + text.substring(from);
                case CUT -> text.substring(0, from);
            };
        }
    }

    /** Around and far beyond the limits: long values, many terms, deep groups, repeated operators. */
    @Provide
    Arbitrary<String> hugeExpressions() {
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(1, 120)),
                Tuple.of(2, Arbitraries.integers().between(ContactFilter.MAX_EXPRESSION_LENGTH - 5,
                        ContactFilter.MAX_EXPRESSION_LENGTH + 5)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 100_000)));
        Arbitrary<String> unit = Arbitraries.oneOf(Arbitraries.of("a", "a|", "a&", "C1..C2|", "(", ")", "((a)|",
                "@", "''", "'", "*", "?*", " ", "..", "<>", "😀", "\u0000"), Arbitraries.of(ODD));
        Arbitrary<String> repeated = Combinators.combine(unit, count).as(String::repeat);
        Arbitrary<String> nested = Combinators.combine(Arbitraries.integers().between(0, 50_000),
                Arbitraries.integers().between(0, 50_000), Arbitraries.of("a", "", "a|b", ")("))
                .as((open, close, inner) -> "(".repeat(open) + inner + ")".repeat(close));
        Arbitrary<String> terms = Combinators.combine(Arbitraries.integers().between(
                ContactFilter.MAX_TERMS - 2, ContactFilter.MAX_TERMS * 50), Arbitraries.of("|", "&", " | "))
                .as((n, operator) -> String.join(operator, Collections.nCopies(n, "Z")));
        return Arbitraries.oneOf(repeated, nested, terms,
                Arbitraries.strings().all().ofMinLength(900).ofMaxLength(3_000));
    }

    @Provide
    Arbitrary<String> fieldNames() {
        List<String> names = new ArrayList<>(Arrays.stream(ContactField.values()).map(f -> f.fieldName).toList());
        names.addAll(List.of("town", "", "x".repeat(5_000), "name\u0000", "name; DROP TABLE contact"));
        return Arbitraries.of(names);
    }

    /** Many fields at once, valid names among odd ones, with mutated or arbitrary expressions. */
    @Provide
    Arbitrary<Map<String, String>> expressionMaps() {
        Arbitrary<String> expression = Arbitraries.oneOf(mutatedExpressions().map(Map.Entry::getValue),
                Arbitraries.strings().ofMaxLength(40), Arbitraries.of(VALID).map(Map.Entry::getValue));
        return Arbitraries.maps(fieldNames(), expression).ofMaxSize(ContactFilter.MAX_FIELDS + 10)
                .map(LinkedHashMap::new);
    }

    /** Broken, huge, deeply nested and odd JSON, and objects of many members. */
    @Provide
    Arbitrary<String> jsonTexts() {
        Arbitrary<String> member = Combinators.combine(fieldNames(), Arbitraries.oneOf(
                mutatedExpressions().map(e -> json(e.getValue())), Arbitraries.of("1", "true", "null", "[]", "{}",
                        "\"\\u0000\"", "\"\\ud800\"", "1e999999", "-0", "\"" + "a".repeat(70_000) + "\"")))
                .as((name, value) -> json(name) + ":" + value);
        Arbitrary<String> object = member.list().ofMaxSize(40).map(m -> "{" + String.join(",", m) + "}");
        Arbitrary<String> nested = Combinators.combine(Arbitraries.integers().between(1, 40_000),
                Arbitraries.of("[", "{\"city\":", "{\"a\":["))
                .as((depth, open) -> open.repeat(depth));
        Arbitrary<String> damaged = Combinators.combine(object, Arbitraries.integers().between(0, 300),
                Arbitraries.of(ODD)).as((o, at, piece) -> {
                    int cut = Math.min(at, o.length());
                    return o.substring(0, cut) + piece + o.substring(cut);
                });
        return Arbitraries.oneOf(object, nested, damaged, Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", " ", "null", "\"x\"", "[]", "{}", "{\"city\":\"a\",\"city\":\"b\"}",
                        "{\"city\":\"Berlin\"} {}", "\ufeff{}", "{\"city\":\"Berlin\"}\u0000"));
    }

    /** A JSON string that says exactly {@code text}, unpaired surrogates included. */
    private static String json(String text) {
        return text.chars().mapToObj(c -> c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining("", "\"", "\""));
    }
}
