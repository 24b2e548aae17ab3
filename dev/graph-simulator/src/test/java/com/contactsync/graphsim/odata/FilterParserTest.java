package com.contactsync.graphsim.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.graphsim.error.GraphException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FilterParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode CONTACT = JSON.readTree("""
            {"displayName": "O'Brien", "givenName": null,
             "singleValueExtendedProperties": [
               {"id": "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo", "value": "CT000001"},
               {"id": "String {00000000-0000-0000-0000-000000000000} Name Other", "value": "x"}]}
            """);

    @Test
    void doubledQuoteInStringLiteralIsOneQuote() {
        assertThat(matches("displayName eq 'O''Brien'")).isTrue();
        assertThat(matches("displayName eq 'O''''Brien'")).isFalse();
    }

    @Test
    void stringComparisonIgnoresCaseAsExchangeDoes() {
        assertThat(matches("displayName eq 'o''brien'")).isTrue();
        assertThat(matches("displayName ne 'o''brien'")).isFalse();
    }

    @Test
    void anyLambdaNeedsBothConditionsOnTheSameElement() {
        String tag = "ep/id eq 'String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo'";
        assertThat(matches("singleValueExtendedProperties/Any(ep: " + tag + " and ep/value eq 'CT000001')")).isTrue();
        assertThat(matches("singleValueExtendedProperties/any(ep: " + tag + " and ep/value eq 'x')")).isFalse();
        assertThat(matches("singleValueExtendedProperties/ANY(e: e/value eq 'x')")).isTrue();
        assertThat(matches("singleValueExtendedProperties/all(e: e/value eq 'x')")).isFalse();
    }

    @Test
    void andBindsTighterThanOrAndNotAndParenthesesApply() {
        assertThat(matches("displayName eq 'nobody' and displayName eq 'nobody' or displayName eq 'O''Brien'")).isTrue();
        assertThat(matches("displayName eq 'nobody' and (displayName eq 'nobody' or displayName eq 'O''Brien')")).isFalse();
        assertThat(matches("not (displayName eq 'nobody')")).isTrue();
    }

    @Test
    void nullMatchesMissingAndNullProperties() {
        assertThat(matches("givenName eq null")).isTrue();
        assertThat(matches("surname eq null")).isTrue();
        assertThat(matches("displayName eq null")).isFalse();
    }

    @Test
    void malformedFiltersAreRefusedWith400() {
        for (String filter : new String[] {"displayName eq 'open", "displayName gt 'a'", "displayName eq", "(displayName eq 'a'",
                "displayName eq 'a' extra", "singleValueExtendedProperties/any(ep ep/id eq 'a')", "displayName eq #"}) {
            assertThatThrownBy(() -> FilterParser.parse(filter))
                    .as(filter)
                    .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        }
    }

    private static boolean matches(String filter) {
        Predicate<JsonNode> predicate = FilterParser.parse(filter);
        return predicate.test(CONTACT);
    }
}
