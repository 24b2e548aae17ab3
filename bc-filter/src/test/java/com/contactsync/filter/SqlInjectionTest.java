package com.contactsync.filter;

import static com.contactsync.filter.Contacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks in the field names and in the expressions: refused, or run as harmless values with the right result. */
@RealInfrastructure
class SqlInjectionTest {

    static final List<ContactSnapshot> CONTACTS = List.of(
            contact("CT1", "name", "x' OR '1'='1", "city", "Berlin"),
            contact("CT2", "name", "'; DROP TABLE contact; --", "city", "Bonn"),
            contact("CT3", "name", "Robert'); DROP TABLE contact;--", "city", null),
            contact("CT4", "name", "plain", "city", "München"));

    static ContactTable table;

    @BeforeAll
    static void createTable(Infrastructure infrastructure) throws SQLException {
        table = ContactTable.create(infrastructure, CONTACTS);
    }

    @AfterEach
    void theTableAndItsRowsAreStillThere() throws SQLException {
        assertThat(table.query("SELECT no FROM contact", List.of())).hasSize(CONTACTS.size());
    }

    @AfterAll
    static void closeTable() throws SQLException {
        table.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'; DROP TABLE contact; --",
        "x' OR '1'='1",
        "Berlin' OR '1'='1",
        "x') OR 1=1 --",
        "Robert'); DROP TABLE contact;--",
        "'Robert''); DROP TABLE contact;--'",
        "'x'' OR ''1''=''1'",
        "*'; DROP TABLE contact; --*",
        "'*''; DROP TABLE contact; --*'",
        "@'*'' or 1=1 --*'",
        "%' OR name LIKE '%",
        "\\'; DROP TABLE contact; --",
        "$$; DROP TABLE contact; $$",
        "E'\\x27; DROP TABLE contact; --",
        "'' OR 1=1 --",
        "<>'' OR 1=1",
        "*\" OR \"\"=\"",
        "Berlin; DELETE FROM contact",
        "1; SELECT pg_sleep(10)",
        "';COMMIT;DROP TABLE contact;--'",
        "Berlin|'; TRUNCATE contact; --'"})
    void anAttackInAnExpressionIsRefusedOrSelectsAsThePredicate(String expression) throws SQLException {
        for (String field : List.of("name", "city", "companyNo", "type", "privacyBlocked")) {
            ContactFilter filter;
            try {
                filter = ContactFilter.parse(Map.of(field, expression));
            } catch (FilterException refused) {
                assertThat(refused.field()).isEqualTo(field);
                continue;
            }
            SqlFragment sql = filter.toSql(ContactTable::qualifiedColumn);
            Set<String> expected = CONTACTS.stream().filter(filter.predicate()).map(ContactSnapshot::no)
                    .collect(Collectors.toSet());
            assertThat(table.select(sql)).as("%s: %s", field, expression).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'x'' OR ''1''=''1'                 | CT1",
        "'*''; DROP TABLE contact; --*'     | CT2",
        "'Robert''); DROP TABLE contact;--' | CT3"})
    void aQuotedAttackIsJustTheValueItSpells(String expression, String selected) throws SQLException {
        SqlFragment sql = ContactFilter.parse(Map.of("name", expression)).toSql(ContactTable::qualifiedColumn);

        assertThat(table.select(sql)).containsExactly(selected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "city = city OR 1=1 --",
        "city\"; DROP TABLE contact; --",
        "1=1) OR (1",
        "c.city",
        "name); DROP TABLE contact; --"})
    void anAttackInAFieldNameIsRefused(String field) {
        Throwable thrown = catchThrowable(() -> ContactFilter.parse(Map.of(field, "x")));

        assertThat(thrown).isInstanceOf(FilterException.class).hasMessageContaining("unknown field");
    }
}
