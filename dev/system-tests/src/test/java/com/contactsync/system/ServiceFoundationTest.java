package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.testinfra.RealInfrastructure;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a platform team relies on from every service: probes, metrics and the API description. */
@RealInfrastructure
class ServiceFoundationTest {

    /** Service names only: JUnit closes arguments that are AutoCloseable, as application contexts are. */
    static Stream<String> services() {
        return Stream.of("contact-service", "sync-orchestrator", "outlook-gateway", "scheduler-service");
    }

    private static WebTestClient client(String service) {
        ContactSyncSystem system = ContactSyncSystem.get();
        return system.client(switch (service) {
            case "contact-service" -> system.contactService;
            case "sync-orchestrator" -> system.orchestrator;
            case "outlook-gateway" -> system.gateway;
            case "scheduler-service" -> system.scheduler;
            default -> throw new IllegalArgumentException(service);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void livenessAndReadinessProbesAreUp(String name) {
        WebTestClient client = client(name);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            client.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void prometheusMetricsAreTaggedWithTheService(String name) {
        String metrics = client(name).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("service=\"" + name + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void openApiDocumentIsServed(String name) {
        client(name).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }
}
