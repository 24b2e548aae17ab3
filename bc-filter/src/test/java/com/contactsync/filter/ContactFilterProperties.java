package com.contactsync.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.testinfra.Infrastructure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The heart of the module: whatever the contacts and whatever the filter, the in-memory predicate and the SQL on a
 * real PostgreSQL select the same contacts, and {@code NOT (SQL)} the others. jqwik does not run JUnit extensions,
 * so the infrastructure is taken directly.
 */
class ContactFilterProperties {

    /**
     * What contact values are made of: letters PostgreSQL's {@code upper()} folds as Java does (ASCII, German,
     * French, Nordic), the filter's and LIKE's special characters, a character outside the BMP and one above the
     * surrogates (UTF-16 and code-point order disagree on those two).
     */
    static final List<String> TEXT_SYMBOLS = List.of("a", "A", "b", "B", "z", "ä", "Ä", "ß", "é", "É", "ø", "Ø",
            " ", "0", "9", "%", "_", "\\", "'", "*", "?", "|", "&", "(", ")", ".", "@", "<", ">", "=", "-", "😀",
            "ﬀ");
    /** Codes are upper-case in BC; a stray lower-case one shows that both sides compare codes as stored. */
    static final List<String> CODE_SYMBOLS = List.of("A", "B", "C", "0", "1", "9", "-", "_", "%", "Ä", "a");
    /** Pieces of hostile or odd input for the fuzz property. */
    static final List<String> FUZZ_TOKENS = List.of("|", "&", "(", ")", "..", ".", "<>", "<", "<=", ">", ">=", "=",
            "@", "'", "''", "*", "?", "%", "_", "\\", " ", "\t", "a", "B", "ä", "ß", "😀", "ǅ", "ı", "\u0000",
            "\uD800", "\uDC00", "PERSON", "company", "Yes", "false", "'; DROP TABLE contact; --", "\" OR 1=1 --",
            "$$", "E'\\x27'", "/*", "*/", "--", ";");

    private static ContactTable table;

    @BeforeContainer
    static void createTable() throws SQLException {
        table = ContactTable.create(Infrastructure.get(), List.of());
    }

    @AfterContainer
    static void closeTable() throws SQLException {
        table.close();
    }

    @Property(tries = 600)
    void aFilterSelectsTheSameContactsInMemoryAndInPostgres(@ForAll("contacts") List<ContactSnapshot> contacts,
            @ForAll("filters") Map<String, String> expressions) throws SQLException {
        ContactFilter filter = ContactFilter.parse(expressions);

        Set<String> selected = assertSameSelection(filter, contacts);

        Statistics.label("selected").collect(selected.isEmpty() ? "none"
                : selected.size() == contacts.size() ? "all" : "some");
        Statistics.label("selected").coverage(coverage -> coverage.check("some").percentage(p -> p >= 20));
    }

    @Property(tries = 3000)
    void anyTextIsRefusedWithAFilterExceptionOrSelectsAsThePredicate(@ForAll("fieldNames") String field,
            @ForAll("anyText") String expression, @ForAll("contacts") List<ContactSnapshot> contacts)
            throws SQLException {
        ContactFilter filter;
        try {
            filter = ContactFilter.parse(Map.of(field, expression));
        } catch (FilterException refused) {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).startsWith(field + ": ").hasSizeGreaterThan(field.length() + 10);
            assertThat(refused.position()).isBetween(FilterException.NO_POSITION, expression.length());
            Statistics.label("outcome").collect("refused");
            return;
        }
        assertSameSelection(filter, contacts);
        Statistics.label("outcome").collect("parsed");
        Statistics.label("outcome").coverage(coverage -> coverage.check("parsed").percentage(p -> p >= 10));
    }

    @Property(tries = 1000)
    void anyJsonTextIsParsedOrRefusedWithAFilterException(@ForAll("json") String json) {
        try {
            assertThat(ContactFilter.parseJson(json).expressions()).isNotNull();
        } catch (FilterException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** Runs the filter both ways on the contacts; returns the numbers it selects. */
    private static Set<String> assertSameSelection(ContactFilter filter, List<ContactSnapshot> contacts)
            throws SQLException {
        SqlFragment sql = filter.toSql(ContactTable::qualifiedColumn);
        // The only literal the text may hold is the LIKE escape character.
        assertThat(sql.where().replace("ESCAPE '\\'", "")).doesNotContain("'");

        table.replaceWith(contacts);
        Set<String> selected = contacts.stream().filter(filter.predicate()).map(ContactSnapshot::no)
                .collect(Collectors.toSet());
        Set<String> rest = contacts.stream().map(ContactSnapshot::no).filter(no -> !selected.contains(no))
                .collect(Collectors.toSet());
        assertThat(table.select(sql)).as("%s as %s %s", filter, sql.where(), sql.parameters()).isEqualTo(selected);
        assertThat(table.selectNot(sql)).as("NOT (%s) %s", sql.where(), sql.parameters()).isEqualTo(rest);
        return selected;
    }

    @Provide
    Arbitrary<List<ContactSnapshot>> contacts() {
        List<Arbitrary<Object>> fields = Arrays.stream(ContactField.values()).map(ContactFilterProperties::value)
                .toList();
        Arbitrary<Map<String, Object>> contact = Combinators.combine(fields).as(values -> {
            Map<String, Object> byName = new HashMap<>();
            IntStream.range(0, values.size()).forEach(i -> byName.put(ContactField.values()[i].fieldName,
                    values.get(i)));
            return byName;
        });
        // The number must be unique (it is the key); a suffix keeps it so and still lets filters on it vary.
        return contact.list().ofMinSize(5).ofMaxSize(20).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> Contacts.contact(list.get(i).get("no") + "#" + i, withoutNo(list.get(i))))
                .toList());
    }

    private static Map<String, Object> withoutNo(Map<String, Object> values) {
        Map<String, Object> rest = new HashMap<>(values);
        rest.remove("no");
        return rest;
    }

    private static Arbitrary<Object> value(ContactField field) {
        return switch (field.kind) {
            case TEXT -> text(TEXT_SYMBOLS).injectNull(0.1).asGeneric();
            case CODE -> field == ContactField.NO
                    ? text(CODE_SYMBOLS).asGeneric() : text(CODE_SYMBOLS).injectNull(0.1).asGeneric();
            case OPTION -> Arbitraries.of(ContactType.values()).injectNull(0.1).asGeneric();
            case BOOLEAN -> Arbitraries.of(true, false).asGeneric();
        };
    }

    /** Short, so that equal values and common prefixes are frequent; sometimes empty. */
    private static Arbitrary<String> text(List<String> symbols) {
        return Arbitraries.of(symbols).list().ofMinSize(0).ofMaxSize(4).map(s -> String.join("", s));
    }

    @Provide
    Arbitrary<Map<String, String>> filters() {
        return Arbitraries.of(ContactField.values()).set().ofMinSize(1).ofMaxSize(3).flatMap(fields ->
                Combinators.combine(fields.stream()
                        .map(f -> expression(f, 2).map(e -> Map.entry(f.fieldName, e))).toList())
                        .as(entries -> {
                            Map<String, String> expressions = new LinkedHashMap<>();
                            entries.forEach(e -> expressions.put(e.getKey(), e.getValue()));
                            return expressions;
                        }));
    }

    /** Valid expressions from the grammar: terms combined with | and &, sometimes grouped, spaced at random. */
    private static Arbitrary<String> expression(ContactField field, int depth) {
        Arbitrary<String> term = switch (field.kind) {
            case TEXT -> textTerm(field, TEXT_SYMBOLS);
            case CODE -> textTerm(field, CODE_SYMBOLS);
            case OPTION -> rankedTerm(List.of("''", "COMPANY", "PERSON"), List.of("''", "company", "Person"));
            case BOOLEAN -> rankedTerm(List.of("false", "true"), List.of("No", "YES"));
        };
        if (depth == 0) {
            return term;
        }
        Arbitrary<List<String>> parts = Arbitraries.lazy(() -> expression(field, depth - 1)).list()
                .ofMinSize(2).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                Tuple.of(4, term),
                Tuple.of(2, Combinators.combine(parts, Arbitraries.of("|", " | ", "|  ")).as(
                        (p, or) -> String.join(or, p))),
                Tuple.of(2, Combinators.combine(parts, Arbitraries.of("&", " & ")).as(
                        (p, and) -> String.join(and, p))),
                Tuple.of(1, Arbitraries.lazy(() -> expression(field, depth - 1)).map(e -> "( " + e + ")")));
    }

    private static Arbitrary<String> textTerm(ContactField field, List<String> symbols) {
        List<String> literals = symbols.stream().filter(s -> !s.equals("*") && !s.equals("?")).toList();
        Arbitrary<List<String>> literal = Arbitraries.of(literals).list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<List<String>> pattern = Arbitraries.oneOf(Arbitraries.of(literals), Arbitraries.of("*", "?"))
                .list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<Boolean> ignoreCase = Arbitraries.of(true, false);
        Arbitrary<Boolean> quote = Arbitraries.of(true, false);
        Arbitrary<String> equality = Combinators.combine(ignoreCase, Arbitraries.of("", "=", "<>"), pattern, quote)
                .as((ic, operator, value, q) -> (ic ? "@" : "") + operator + render(value, q));
        Arbitrary<String> comparison = Combinators.combine(ignoreCase, Arbitraries.of("<", "<=", ">", ">="),
                literal, quote).as((ic, operator, value, q) -> (ic ? "@" : "") + operator + render(value, q));
        Arbitrary<String> range = Combinators.combine(ignoreCase, literal, literal, Arbitraries.of(0, 1, 2), quote)
                .as((ic, a, b, open, q) -> {
                    boolean upper = ic || field.kind == ContactField.Kind.CODE;
                    String x = String.join("", a);
                    String y = String.join("", b);
                    boolean swap = Text.compare(upper ? Text.upperCase(x) : x, upper ? Text.upperCase(y) : y) > 0;
                    List<String> lower = swap ? b : a;
                    List<String> higher = swap ? a : b;
                    return (ic ? "@" : "") + (open == 1 ? "" : render(lower, q)) + ".."
                            + (open == 2 ? "" : render(higher, q));
                });
        return Arbitraries.frequencyOf(Tuple.of(3, equality), Tuple.of(1, comparison), Tuple.of(1, range));
    }

    /**
     * A value as a filter writes it: bare if it can be, else quoted with quotes doubled. Wildcards stay wildcards in
     * quotes, as in BC, so they are written as they are either way.
     */
    private static String render(List<String> symbols, boolean quoteAnyway) {
        String bare = String.join("", symbols);
        boolean mustQuote = bare.isEmpty() || Stream.of("'", "|", "&", "(", ")", "..").anyMatch(bare::contains)
                || "@<>=. ".indexOf(bare.charAt(0)) >= 0 || bare.endsWith(".") || bare.endsWith(" ");
        return mustQuote || quoteAnyway ? "'" + bare.replace("'", "''") + "'" : bare;
    }

    /** A term of an Option or Boolean field; values in order of rank, in two spellings each. */
    private static Arbitrary<String> rankedTerm(List<String> values, List<String> otherSpellings) {
        Arbitrary<Integer> rank = Arbitraries.integers().between(0, values.size() - 1);
        Arbitrary<Boolean> otherSpelling = Arbitraries.of(true, false);
        Arbitrary<String> value = Combinators.combine(rank, otherSpelling)
                .as((r, other) -> (other ? otherSpellings : values).get(r));
        Arbitrary<String> single = Combinators.combine(Arbitraries.of("", "=", "<>", "<", "<=", ">", ">=", "@"),
                value).as((operator, v) -> operator + v);
        Arbitrary<String> range = Combinators.combine(rank, rank, otherSpelling, Arbitraries.of(0, 1, 2))
                .as((a, b, other, open) -> {
                    List<String> spelling = other ? otherSpellings : values;
                    return (open == 1 ? "" : spelling.get(Math.min(a, b))) + ".."
                            + (open == 2 ? "" : spelling.get(Math.max(a, b)));
                });
        return Arbitraries.frequencyOf(Tuple.of(3, single), Tuple.of(1, range));
    }

    @Provide
    Arbitrary<String> fieldNames() {
        List<String> names = new ArrayList<>(Arrays.stream(ContactField.values()).map(f -> f.fieldName).toList());
        names.addAll(List.of("town", "City", "", "name; DROP TABLE contact"));
        return Arbitraries.of(names);
    }

    /** Objects of field names to odd values, and damaged or arbitrary text. */
    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> value = Arbitraries.oneOf(anyText().map(ContactFilterProperties::jsonString),
                Arbitraries.of("true", "null", "1", "[]", "{}", "\"\\ud800\""));
        Arbitrary<String> object = Combinators.combine(fieldNames(), value).as((f, v) -> jsonString(f) + ":" + v)
                .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        Arbitrary<String> damaged = Combinators.combine(object, Arbitraries.integers().between(0, 200))
                .as((o, cut) -> o.substring(0, Math.min(cut, o.length())));
        return Arbitraries.oneOf(object, damaged, Arbitraries.strings().ofMaxLength(40));
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(c == '"' || c == '\\' || c < 0x20
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return json.append('"').toString();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of(FUZZ_TOKENS).list().ofMaxSize(12).map(t -> String.join("", t)),
                Arbitraries.of(TEXT_SYMBOLS).list().ofMaxSize(12).map(t -> String.join("", t)),
                Arbitraries.strings().withChars("|&()'.<>=@*?%_\\ aBäß").ofMaxLength(20));
    }
}
