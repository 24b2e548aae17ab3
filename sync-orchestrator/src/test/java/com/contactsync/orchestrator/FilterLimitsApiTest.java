package com.contactsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.filter.ContactFilter;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.RealInfrastructure;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A sync setup's filter over the limits of {@code bc-filter} is a 400 problem naming the field, never a 500. */
@RealInfrastructure
class FilterLimitsApiTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient api;

    @BeforeAll
    static void start() {
        context = RunningOrchestrator.start(Map.of());
        api = TestClients.admin("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static Stream<Arguments> overTheLimits() {
        return Stream.of(
                Arguments.of("name", "a".repeat(ContactFilter.MAX_EXPRESSION_LENGTH + 1), "at most 1000 are allowed"),
                Arguments.of("companyNo", String.join("|", Collections.nCopies(ContactFilter.MAX_TERMS + 1, "C1")),
                        "more than 100 terms"),
                Arguments.of("city", "(".repeat(ContactFilter.MAX_NESTING_DEPTH + 1) + "a"
                        + ")".repeat(ContactFilter.MAX_NESTING_DEPTH + 1), "nested deeper than 20 levels"));
    }

    @ParameterizedTest
    @MethodSource("overTheLimits")
    void aFilterOverALimitIsABadRequestNamingTheField(String field, String expression, String reason) {
        String user = "user-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", user)
                .bodyValue(Map.of("displayName", "Limits", "m365Email", "limits-" + UUID.randomUUID() + "@example.test"))
                .exchange().expectStatus().isOk();

        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("filter", Map.of(field, expression)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("filter." + field)
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(reason));
    }
}
