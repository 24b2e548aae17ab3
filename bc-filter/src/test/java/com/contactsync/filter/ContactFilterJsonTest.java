package com.contactsync.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST form: {@code ?filter={"city":"Berlin"}}. */
class ContactFilterJsonTest {

    @Test
    void aJsonObjectParsesAsTheSameMap() {
        ContactFilter filter = ContactFilter.parseJson(
                "{\"city\": \"Berlin|München\", \"name\": \"@*gmbh*\", \"privacyBlocked\": false}");

        assertThat(filter).isEqualTo(ContactFilter.parse(
                Map.of("city", "Berlin|München", "name", "@*gmbh*", "privacyBlocked", "false")));
        assertThat(filter.expressions()).containsExactly(Map.entry("name", "@*gmbh*"),
                Map.entry("city", "Berlin|München"), Map.entry("privacyBlocked", "false"));
    }

    @Test
    void nullAndBlankExpressionsLeaveTheirFieldsUnfiltered() {
        ContactFilter filter = ContactFilter.parseJson("{\"city\": null, \"name\": \" \", \"no\": \"CT1\"}");

        assertThat(filter.expressions()).containsExactly(Map.entry("no", "CT1"));
    }

    @Test
    void anExpressionThatIsNotAStringIsRefused() {
        assertThatThrownBy(() -> ContactFilter.parseJson("{\"companyNo\": 10000}"))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.field()).isEqualTo("companyNo");
                    assertThat(e.getMessage()).isEqualTo("companyNo: the expression must be a JSON string, not number");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"city\"]", "\"Berlin\"", "42", "", "null"})
    void somethingOtherThanAnObjectIsRefused(String json) {
        assertThatThrownBy(() -> ContactFilter.parseJson(json))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.getMessage()).isEqualTo("the filter must be a JSON object of field to expression,"
                            + " such as {\"city\": \"Berlin\"}");
                });
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> ContactFilter.parseJson("{\"city\": \"Berlin\""))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.position()).isEqualTo(17);
                    assertThat(e.getMessage()).startsWith("the filter is not valid JSON: ");
                });
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ContactFilter.parseJson("{\"city\": \"Berlin\", \"city\": \"Bonn\"}"))
                .isInstanceOf(FilterException.class)
                .hasMessageContaining("Duplicate Object property \"city\"");
    }

    @Test
    void textAfterTheObjectIsRefused() {
        assertThatThrownBy(() -> ContactFilter.parseJson("{\"city\": \"Berlin\"} {}"))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("the filter is not valid JSON: ");
    }

    @Test
    void missingOrOversizedJsonIsRefused() {
        assertThatThrownBy(() -> ContactFilter.parseJson(null))
                .hasMessage("no filter given; send a JSON object such as {\"city\": \"Berlin\"}");
        String huge = "{\"name\": \"" + " ".repeat(ContactFilter.MAX_JSON_LENGTH) + "\"}";
        assertThatThrownBy(() -> ContactFilter.parseJson(huge))
                .hasMessage("the filter has " + huge.length() + " characters; at most 65536 are allowed");
    }

    @Test
    void expressionErrorsInsideJsonNameTheField() {
        assertThatThrownBy(() -> ContactFilter.parseJson("{\"city\": \"Berlin|'Mün\"}"))
                .hasMessage("city: unterminated quote at position 7");
    }
}
