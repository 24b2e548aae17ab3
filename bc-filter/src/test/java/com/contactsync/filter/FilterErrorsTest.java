package com.contactsync.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal names the field, the position and what to do, in words a person can act on. */
class FilterErrorsTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                refused("city", "Berlin|'Mün", 7, "unterminated quote at position 7"),
                refused("city", "'Berlin''", 0, "unterminated quote at position 0"),
                refused("name", "O'Brien", 1,
                        "quote at position 1 inside a value; quote the whole value and double the quote, as in"
                                + " 'O''Brien'"),
                refused("name", "'J & V' GmbH", 8,
                        "unexpected 'G' at position 8 after a quoted value; put the whole value inside the quotes"),
                refused("city", "(Berlin|Bonn", 0, "'(' at position 0 is never closed"),
                refused("city", "Berlin)", 6, "')' at position 6 has no matching '('"),
                refused("name", "Smith (Berlin)", 6,
                        "unexpected '(' at position 6; to match a parenthesis, quote the value, as in"
                                + " 'Smith (Berlin)'"),
                refused("city", "(Bern)x", 6, "unexpected 'x' at position 6 after ')'; expected '|', '&' or ')'"),
                refused("city", "()", 1, "missing value before ')' at position 1"),
                refused("city", "Berlin|( ", 9, "missing value after '(' at position 7"),
                refused("city", "Berlin|", 7, "missing value after '|' at position 6"),
                refused("city", "Berlin& ", 8, "missing value after '&' at position 6"),
                refused("city", "|Berlin", 0, "missing value before '|' at position 0"),
                refused("city", "Berlin||Bonn", 7, "missing value before '|' at position 7"),
                refused("city", "<>", 2, "missing value after '<>' at position 0"),
                refused("city", "Bonn|@", 6, "missing value after '@' at position 5"),
                refused("companyNo", "..", 0, "'..' at position 0 needs a value before or after it"),
                refused("companyNo", "A..B..C", 4, "second '..' at position 4; a range has one"),
                refused("companyNo", "<A..B", 2,
                        "'..' at position 2 cannot follow '<' at position 0; write a range as a..b, ..b or a.."),
                refused("companyNo", "C00050..C00010", 0,
                        "the range at position 0 is reversed: 'C00050' comes after 'C00010'"),
                refused("companyNo", "x|b..a", 2, "the range at position 2 is reversed: 'B' comes after 'A'"),
                refused("city", "<B*", 2,
                        "wildcard at position 2 cannot be used with '<'; * and ? work with a plain value or after <>"),
                refused("city", "A?..B", 1,
                        "wildcard at position 1 cannot be used in a range; * and ? work with a plain value or after"
                                + " <>"),
                refused("privacyBlocked", "maybe", 0,
                        "'maybe' at position 0 is not a Boolean; use true, false, Yes or No"),
                refused("privacyBlocked", "''", 0, "'' at position 0 is not a Boolean; use true, false, Yes or No"),
                refused("privacyBlocked", "t*", 1,
                        "wildcard at position 1 cannot be used for a Boolean; use true, false, Yes or No"),
                refused("type", "PERSON|PERSN", 7,
                        "'PERSN' at position 7 is not a contact type; use COMPANY or PERSON (or '' for none)"),
                refused("type", "PERSON..COMPANY", 0,
                        "the range at position 0 is reversed: 'PERSON' comes after 'COMPANY'"),
                refused("city", "Ber\u0000lin", 3, "character U+0000 at position 3 is not allowed"),
                refused("city", "Ber\uD800lin", 3, "unpaired surrogate U+D800 at position 3 is not a character"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void aMalformedExpressionIsRefusedWithFieldPositionAndReason(String field, String expression, int position,
            String reason) {
        assertThatThrownBy(() -> ContactFilter.parse(Map.of(field, expression)))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(field + ": " + reason);
                });
    }

    @Test
    void theMessageReadsAsTheBriefPromises() {
        assertThatThrownBy(() -> ContactFilter.parse(Map.of("city", "Berlin|'Mün")))
                .hasMessage("city: unterminated quote at position 7");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsThereAre() {
        assertThatThrownBy(() -> ContactFilter.parse(Map.of("town", "Berlin")))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.field()).isEqualTo("town");
                    assertThat(e.position()).isEqualTo(FilterException.NO_POSITION);
                    assertThat(e.getMessage()).startsWith("town: unknown field 'town'; filters can name no, type,"
                            + " name, firstName,").endsWith("territoryCode, privacyBlocked");
                });
    }

    @Test
    void aFieldSpelledInAnotherCaseGetsASuggestion() {
        assertThatThrownBy(() -> ContactFilter.parse(Map.of("CompanyNo", "C1")))
                .hasMessage("CompanyNo: unknown field 'CompanyNo'; did you mean 'companyNo'?");
    }

    @Test
    void bookkeepingFieldsCannotBeFiltered() {
        assertThatThrownBy(() -> ContactFilter.parse(Map.of("version", "1")))
                .hasMessageStartingWith("version: unknown field 'version'");
    }

    @Test
    void anExpressionOverTheLengthLimitIsRefused() {
        String longest = "a".repeat(ContactFilter.MAX_EXPRESSION_LENGTH);
        assertThat(ContactFilter.parse(Map.of("name", longest)).expressions()).containsEntry("name", longest);

        assertThatThrownBy(() -> ContactFilter.parse(Map.of("name", longest + "a")))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.position()).isEqualTo(1000);
                    assertThat(e.getMessage()).isEqualTo(
                            "name: the expression has 1001 characters; at most 1000 are allowed");
                });
    }

    @Test
    void aBlankExpressionOverTheLengthLimitIsRefusedToo() {
        assertThat(ContactFilter.parse(Map.of("name", " ".repeat(ContactFilter.MAX_EXPRESSION_LENGTH))).expressions())
                .isEmpty();

        assertThatThrownBy(() -> ContactFilter.parse(Map.of("name", " ".repeat(100_000))))
                .hasMessage("name: the expression has 100000 characters; at most 1000 are allowed");
    }

    @Test
    void anExpressionOverTheTermLimitIsRefused() {
        String hundred = String.join("|", Stream.iterate(1, i -> i + 1).limit(100).map(i -> "C" + i).toList());
        assertThat(ContactFilter.parse(Map.of("companyNo", hundred)).expressions()).hasSize(1);

        String tooMany = hundred + "|C101";
        assertThatThrownBy(() -> ContactFilter.parse(Map.of("companyNo", tooMany)))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.position()).isEqualTo(tooMany.lastIndexOf('|') + 1);
                    assertThat(e.getMessage()).isEqualTo("companyNo: more than 100 terms; the term at position "
                            + e.position() + " is one too many (ranges such as a..z can replace long lists)");
                });
    }

    @Test
    void parenthesesNestedTooDeeplyAreRefused() {
        String twenty = "(".repeat(20) + "a" + ")".repeat(20);
        assertThat(ContactFilter.parse(Map.of("city", twenty)).expressions()).hasSize(1);

        assertThatThrownBy(() -> ContactFilter.parse(Map.of("city", "(" + twenty + ")")))
                .hasMessage("city: parentheses nested deeper than 20 levels at position 20");
    }

    @Test
    void theFirstBrokenFieldIsReported() {
        Map<String, String> expressions = new LinkedHashMap<>();
        expressions.put("city", "Berlin");
        expressions.put("name", "'x");
        expressions.put("email", "'y");
        assertThatThrownBy(() -> ContactFilter.parse(expressions)).hasMessage("name: unterminated quote at position 0");
    }

    private static Arguments refused(String field, String expression, int position, String reason) {
        return Arguments.of(field, expression, position, reason);
    }
}
