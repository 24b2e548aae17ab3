package com.contactsync.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shape of the SQL: placeholders only, LIKE escaped, and the forms an index can serve. */
class SqlTranslationTest {

    private static SqlFragment sql(String field, String expression) {
        return ContactFilter.parse(Map.of(field, expression)).toSql(ContactTable::qualifiedColumn);
    }

    @Test
    void equalityIsAPlainComparisonThatAnIndexOnTheColumnServes() {
        SqlFragment sql = sql("city", "Berlin|München");

        assertThat(sql.where()).isEqualTo("(c.city IS NOT NULL AND (c.city = ? OR c.city = ?))");
        assertThat(sql.parameters()).containsExactly("Berlin", "München");
    }

    @Test
    void aFilterThatMatchesTheEmptyTextAlsoSelectsNull() {
        SqlFragment sql = sql("salespersonCode", "''|JR");

        assertThat(sql.where()).isEqualTo(
                "(c.salesperson_code IS NULL OR (c.salesperson_code = ? OR c.salesperson_code = ?))");
        assertThat(sql.parameters()).containsExactly("", "JR");
    }

    @Test
    void wildcardsBecomeLikeWithLikesOwnCharactersEscaped() {
        SqlFragment sql = sql("name", "100%_\\*?");

        assertThat(sql.where()).isEqualTo("(c.name IS NOT NULL AND c.name COLLATE \"C\" LIKE ? ESCAPE '\\')");
        assertThat(sql.parameters()).containsExactly("100\\%\\_\\\\%_");
    }

    @Test
    void notEqualWithAWildcardIsNotLike() {
        SqlFragment sql = sql("name", "<>A*");

        assertThat(sql.where()).isEqualTo("(c.name IS NULL OR c.name COLLATE \"C\" NOT LIKE ? ESCAPE '\\')");
        assertThat(sql.parameters()).containsExactly("A%");
    }

    @Test
    void ignoringCaseUpperCasesTheColumnInSqlAndTheValueInJava() {
        SqlFragment sql = sql("email", "@Anna@Example.com");

        // Matches contact-service's index on upper(email).
        assertThat(sql.where()).isEqualTo("(c.email IS NOT NULL AND upper(c.email) = ?)");
        assertThat(sql.parameters()).containsExactly("ANNA@EXAMPLE.COM");
    }

    @Test
    void rangesAndComparisonsUseCodePointOrder() {
        assertThat(sql("companyNo", "c00010..C00050").where()).isEqualTo("(c.company_no IS NOT NULL AND"
                + " (c.company_no COLLATE \"C\" >= ? AND c.company_no COLLATE \"C\" <= ?))");
        assertThat(sql("companyNo", "c00010..C00050").parameters()).containsExactly("C00010", "C00050");
        assertThat(sql("companyNo", "..C1").where())
                .isEqualTo("(c.company_no IS NULL OR c.company_no COLLATE \"C\" <= ?)");
        assertThat(sql("city", "@>=m").where())
                .isEqualTo("(c.city IS NOT NULL AND upper(c.city) COLLATE \"C\" >= ?)");
    }

    @ParameterizedTest(name = "type: {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "PERSON; (c.type IS NOT NULL AND c.type IN (?)); PERSON",
        "<>PERSON; (c.type IS NULL OR c.type IN (?)); COMPANY",
        "''; c.type IS NULL; ",
        "COMPANY|PERSON; c.type IS NOT NULL; ",
        "''|COMPANY|PERSON; TRUE; ",
        "PERSON&COMPANY; FALSE; "})
    void anOptionFieldListsTheValuesThatMatch(String expression, String where, String parameter) {
        SqlFragment sql = sql("type", expression);

        assertThat(sql.where()).isEqualTo(where);
        assertThat(sql.parameters()).isEqualTo(parameter == null ? List.of() : List.of(parameter));
    }

    @Test
    void aBooleanFieldBindsABoolean() {
        SqlFragment sql = sql("privacyBlocked", "No");

        assertThat(sql.where()).isEqualTo("(c.privacy_blocked IS NOT NULL AND c.privacy_blocked IN (?))");
        assertThat(sql.parameters()).containsExactly(false);
    }

    @Test
    void fieldsAreAndedInAFixedOrderWhateverTheMapsOrder() {
        SqlFragment sql = ContactFilter.parse(Map.of("privacyBlocked", "false", "city", "Berlin", "no", "CT*"))
                .toSql(ContactTable::qualifiedColumn);

        assertThat(sql.where()).isEqualTo("(c.no IS NOT NULL AND c.no COLLATE \"C\" LIKE ? ESCAPE '\\')"
                + " AND (c.city IS NOT NULL AND c.city = ?)"
                + " AND (c.privacy_blocked IS NOT NULL AND c.privacy_blocked IN (?))");
        assertThat(sql.parameters()).containsExactly("CT%", "Berlin", false);
    }

    @Test
    void anEmptyFilterIsTrue() {
        assertThat(ContactFilter.parse(Map.of()).toSql(ContactTable::qualifiedColumn))
                .isEqualTo(new SqlFragment("TRUE", List.of()));
    }

    @Test
    void theResolverIsAskedOnlyForTheFieldsInUse() {
        List<String> asked = new ArrayList<>();
        ContactFilter.parse(Map.of("city", "Bonn", "name", " ")).toSql(field -> {
            asked.add(field);
            return field;
        });

        assertThat(asked).containsExactly("city");
    }

    @Test
    void valuesNeverReachTheSqlText() {
        SqlFragment sql = ContactFilter.parse(Map.of(
                "name", "'x'' OR ''1''=''1'|'*''; DROP TABLE contact; --*'",
                "email", "@'\\'' OR 1=1 --'",
                "city", "<>'Robert''); DROP TABLE contact;--'")).toSql(ContactTable::qualifiedColumn);

        assertThat(sql.where().replace("ESCAPE '\\'", "")).doesNotContain("'", "DROP", "1=1");
        assertThat(sql.parameters()).containsExactly("x' OR '1'='1", "%'; DROP TABLE contact; --%",
                "\\' OR 1=1 --", "Robert'); DROP TABLE contact;--");
    }
}
