package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.filter.ContactFilter;
import com.contactsync.testinfra.RealInfrastructure;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** {@code GET /api/v1/contacts?filter=}: a filter over the limits of {@code bc-filter} is a 400 naming the field. */
@RealInfrastructure
class FilterLimitsApiTest {

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();

    static Stream<Arguments> overTheLimits() {
        return Stream.of(
                Arguments.of("name", "a".repeat(ContactFilter.MAX_EXPRESSION_LENGTH + 1), "at most 1000 are allowed"),
                Arguments.of("name", " ".repeat(ContactFilter.MAX_EXPRESSION_LENGTH + 1), "at most 1000 are allowed"),
                Arguments.of("companyNo", String.join("|", Collections.nCopies(ContactFilter.MAX_TERMS + 1, "C1")),
                        "more than 100 terms"),
                Arguments.of("city", "(".repeat(ContactFilter.MAX_NESTING_DEPTH + 1) + "a"
                        + ")".repeat(ContactFilter.MAX_NESTING_DEPTH + 1), "nested deeper than 20 levels"));
    }

    @ParameterizedTest
    @MethodSource("overTheLimits")
    void aFilterOverALimitIsABadRequestNamingTheFieldAndPosition(String field, String expression, String reason) {
        String filter = EventJson.mapper().writeValueAsString(Map.of(field, expression));

        service.api().get().uri(b -> b.path("/api/v1/contacts").queryParam("filter", "{filter}").build(filter))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("filter." + field)
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(reason))
                .jsonPath("$.position").isNumber();
    }
}
