package com.contactsync.filter;

import static com.contactsync.contracts.events.ContactType.COMPANY;
import static com.contactsync.contracts.events.ContactType.PERSON;
import static com.contactsync.filter.Contacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example is checked three ways on the same contacts: the in-memory predicate, the SQL on PostgreSQL, and
 * {@code NOT (SQL)}, which must select exactly the rest.
 */
@RealInfrastructure
class ContactFilterExamplesTest {

    static final List<ContactSnapshot> CONTACTS = List.of(
            contact("CT01", "type", PERSON, "name", "Anna Müller", "city", "Berlin", "companyNo", "C00010",
                    "salespersonCode", "JR", "email", "anna@mueller-gmbh.de"),
            contact("CT02", "type", PERSON, "name", "Bernd Schmidt", "city", "München", "companyNo", "C00030",
                    "salespersonCode", "", "email", "bernd@schmidt.de"),
            contact("CT03", "type", COMPANY, "name", "Müller GmbH", "city", "berlin", "companyNo", "C00050",
                    "salespersonCode", "AB"),
            contact("CT04", "type", COMPANY, "name", "Schmidt gmbh & Co. KG", "city", "MÜNCHEN",
                    "companyNo", "C00051", "email", "info@schmidt.de"),
            contact("CT05", "type", PERSON, "name", "J & V Trading", "city", "Hamburg", "companyNo", "C00005",
                    "salespersonCode", "JR", "privacyBlocked", true),
            contact("CT06", "type", PERSON, "name", "O'Brien", "email", "ob@example.ie"),
            contact("CT07", "type", COMPANY, "name", "100% Natur", "city", "", "companyNo", "C00020"),
            contact("CT08", "type", PERSON, "name", "under_score", "city", "Köln", "companyNo", "C0002"),
            contact("CT09", "type", PERSON, "name", "back\\slash", "city", "Bonn", "companyNo", "C00100"),
            contact("CT10", "name", "Hansen", "city", "Berlin-Mitte", "companyNo", "C00060"),
            contact("CT11", "type", PERSON, "name", "Hanson", "city", "Bern", "companyNo", "C00070"),
            contact("CT12", "type", PERSON, "name", "Smith (Berlin)", "city", "Berlin", "companyNo", "C00080"),
            contact("CT13", "type", COMPANY, "name", "ALPHA AG", "city", "Aachen", "companyNo", "C00090"),
            contact("CT14", "type", COMPANY, "name", "alpha ag", "city", "aachen", "companyNo", "C00091"),
            contact("CT15", "type", COMPANY, "name", "Star*Corp", "city", "Essen", "companyNo", "C00092"),
            contact("CT16", "type", PERSON, "name", "Who?", "city", "Essen", "companyNo", "C00093"),
            contact("CT17", "type", COMPANY, "name", "1000 Natur", "city", "Essen", "companyNo", "C00094"),
            contact("CT18", "type", PERSON, "name", "underscore", "city", "Essen", "companyNo", "C00095"));

    static ContactTable table;

    @BeforeAll
    static void createTable(Infrastructure infrastructure) throws SQLException {
        table = ContactTable.create(infrastructure, CONTACTS);
    }

    @AfterAll
    static void closeTable() throws SQLException {
        table.close();
    }

    private static Stream<Arguments> syntaxTable() {
        return group("syntax table",
                row("city", "Berlin|München", "01 02 12"),
                row("city", ">=B&<C", "01 09 10 11 12"),
                row("companyNo", "C00010..C00050", "01 02 03 07 08"),
                row("companyNo", "..C00010", "01 05 06"),
                row("companyNo", "C00091..", "09 14 15 16 17 18"),
                row("salespersonCode", "<>JR", "02 03 04 06 07 08 09 10 11 12 13 14 15 16 17 18"),
                row("companyNo", "<C00010", "05 06"),
                row("companyNo", "<=C00010", "01 05 06"),
                row("companyNo", ">C00093", "09 17 18"),
                row("companyNo", ">=C00093", "09 16 17 18"),
                row("city", "=Berlin", "01 12"),
                row("name", "*GmbH", "03"),
                row("name", "Hans?n", "10 11"),
                row("name", "@*gmbh*", "03 04"),
                row("city", "''", "06 07"),
                row("name", "'J & V Trading'", "05"));
    }

    private static Stream<Arguments> wildcards() {
        return group("wildcards",
                row("name", "Hans*", "10 11"),
                row("email", "*@schmidt.de", "02 04"),
                row("name", "M*H", "03"),
                row("email", "*@*-gmbh*", "01"),
                row("name", "Who?", "16"),
                row("name", "*gmbh*", "04"),
                // A wildcard alone matches the empty text, and so a null value.
                row("city", "*", all()),
                row("city", "?*", except("06 07")),
                // <> with a wildcard: everything that does not match it, null included.
                row("city", "<>*e*", "04 05 06 07 08 09"));
    }

    private static Stream<Arguments> quotingAndEscapes() {
        return group("quoting and escapes",
                row("name", "'Smith (Berlin)'", "12"),
                row("name", "'O''Brien'", "06"),
                // As in Business Central, quotes protect operators but not wildcards: 'J & V*' starts with J & V.
                row("name", "'J & V*'", "05"),
                row("name", "'Star*Corp'", "15"),
                row("name", "Star?Corp", "15"),
                // LIKE's own wildcards are plain characters here; unescaped, they would also match CT17 and CT18.
                row("name", "100%*", "07"),
                row("name", "under_*", "08"),
                row("name", "back\\*", "09"),
                row("name", "'100% Natur'", "07"),
                row("city", " Berlin | München ", "01 02 12"),
                row("city", "' Berlin'", ""),
                row("name", "alpha ag", "14"));
    }

    private static Stream<Arguments> emptyAndNull() {
        return group("empty and null",
                row("salespersonCode", "''", except("01 03 05")),
                row("salespersonCode", "<>''", "01 03 05"),
                row("city", "<>''", except("06 07")),
                row("email", "''|*@schmidt.de", except("01 06")),
                row("companyNo", "''..C00005", "05 06"),
                row("city", ">''", except("06 07")),
                row("city", "<=''", "06 07"));
    }

    private static Stream<Arguments> precedence() {
        return group("precedence and grouping",
                // & binds tighter than |: Bern | (Berlin & Bonn); the other reading would select nothing.
                row("city", "Bern|Berlin&Bonn", "11"),
                row("city", "(Bern|Berlin)&Bonn", ""),
                row("city", "(Bern|Berlin)&B*n", "01 11 12"),
                row("city", "Berlin|Bonn&B*", "01 09 12"),
                row("city", "((Bern))", "11"),
                row("city", "( Bern | Bonn ) & <C", "09 11"));
    }

    private static Stream<Arguments> codes() {
        return group("Code fields",
                // Code values compare as text: C0002 sorts between C00010 and C00050, as BC's docs warn.
                row("companyNo", "C00010..C00050", "01 02 03 07 08"),
                // A Code field's filter is upper-cased, as BC does.
                row("companyNo", "c00010..c00030", "01 02 07 08"),
                row("salespersonCode", "jr", "01 05"),
                row("companyNo", "c0009?", "13 14 15 16 17 18"));
    }

    private static Stream<Arguments> ignoringCase() {
        return group("@ ignores case",
                row("name", "@alpha ag", "13 14"),
                row("city", "@münchen", "02 04"),
                row("city", "@ber*", "01 03 10 11 12"),
                row("email", "@*GMBH*", "01"),
                row("city", "<>@berlin", except("01 03 12")),
                row("city", "@<>berlin", except("01 03 12")),
                row("city", "@a..b", "13 14"));
    }

    private static Stream<Arguments> optionsAndBooleans() {
        return group("Option and Boolean fields",
                row("type", "PERSON", "01 02 05 06 08 09 11 12 16 18"),
                row("type", "person", "01 02 05 06 08 09 11 12 16 18"),
                row("type", "<>PERSON", "03 04 07 10 13 14 15 17"),
                row("type", "''", "10"),
                row("type", "COMPANY|PERSON", except("10")),
                // BC's order: Company before Person; no type before both.
                row("type", "<PERSON", "03 04 07 10 13 14 15 17"),
                row("type", "COMPANY..PERSON", except("10")),
                row("privacyBlocked", "true", "05"),
                row("privacyBlocked", "Yes", "05"),
                row("privacyBlocked", "no", except("05")),
                row("privacyBlocked", "false|true", all()),
                row("privacyBlocked", "<>false", "05"));
    }

    static Stream<Arguments> examples() {
        return Stream.of(syntaxTable(), wildcards(), quotingAndEscapes(), emptyAndNull(), precedence(), codes(),
                ignoringCase(), optionsAndBooleans()).flatMap(group -> group);
    }

    @ParameterizedTest(name = "[{0}] {1}: {2}")
    @MethodSource("examples")
    void eachExampleSelectsTheSameInMemoryInSqlAndAsTheComplementOfNot(String group, String field,
            String expression, Set<String> expected) throws SQLException {
        assertSelects(Map.of(field, expression), expected);
    }

    @Test
    void fieldsAreAndedTogether() throws SQLException {
        assertSelects(Map.of("city", "@berlin*|München", "companyNo", "C00010..C00050", "name", "@*gmbh*",
                "salespersonCode", "<>''"), numbers("03"));
    }

    @Test
    void aBlankExpressionOrAnEmptyFilterSelectsEverything() throws SQLException {
        assertSelects(Map.of("city", "  "), numbers(all()));
        assertSelects(Map.of(), numbers(all()));
    }

    /**
     * The filters upper-case values in Java and columns with the database's {@code upper()}; they agree where the
     * database's LC_CTYPE is a UTF-8 locale (C.UTF-8, en_US.UTF-8: the embedded server and the postgres image). Under
     * LC_CTYPE=C, {@code upper()} folds ASCII only and {@code @münchen} would miss MÜNCHEN.
     */
    @Test
    void theDatabaseUpperCasesAsTheFiltersDo() throws SQLException {
        String letters = String.join("", ContactFilterProperties.TEXT_SYMBOLS)
                + "abcdefghijklmnopqrstuvwxyzàçèëîñôùÿæœå";

        assertThat(table.query("SELECT upper(?)", List.of(letters))).containsExactly(Text.upperCase(letters));
    }

    private static void assertSelects(Map<String, String> expressions, Set<String> expected) throws SQLException {
        ContactFilter filter = ContactFilter.parse(expressions);
        SqlFragment sql = filter.toSql(ContactTable::qualifiedColumn);
        Set<String> rest = CONTACTS.stream().map(ContactSnapshot::no).filter(no -> !expected.contains(no))
                .collect(Collectors.toSet());

        assertThat(CONTACTS.stream().filter(filter.predicate()).map(ContactSnapshot::no))
                .as("in memory").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(table.select(sql))
                .as("SQL %s %s", sql.where(), sql.parameters()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(table.selectNot(sql))
                .as("NOT (%s) %s", sql.where(), sql.parameters()).containsExactlyInAnyOrderElementsOf(rest);
    }

    private static Stream<Arguments> group(String name, Object[]... rows) {
        return Stream.of(rows).map(row -> Arguments.of(name, row[0], row[1], row[2]));
    }

    private static Object[] row(String field, String expression, String expected) {
        return new Object[] {field, expression, numbers(expected)};
    }

    /** "01 05" → {CT01, CT05}. */
    private static Set<String> numbers(String numbers) {
        return Arrays.stream(numbers.split(" ")).filter(n -> !n.isEmpty()).map(n -> "CT" + n)
                .collect(Collectors.toSet());
    }

    private static String all() {
        return except("");
    }

    private static String except(String numbers) {
        Set<String> excluded = numbers(numbers);
        return CONTACTS.stream().map(ContactSnapshot::no).filter(no -> !excluded.contains(no))
                .map(no -> no.substring(2)).collect(Collectors.joining(" "));
    }
}
