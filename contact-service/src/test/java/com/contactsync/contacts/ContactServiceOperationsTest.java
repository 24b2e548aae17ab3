package com.contactsync.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.Database;
import com.contactsync.testinfra.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What operators and other teams rely on: probes, metrics and the OpenAPI document. */
@RealInfrastructure
class ContactServiceOperationsTest {

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();



    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainWhenItIsBack() throws SQLException {
        probe("readiness", 200, "UP");
        Database database = service.database();
        // From the server's maintenance database: PostgreSQL refuses to lock out the database one is connected to.
        String maintenance = database.jdbcUrl().replace("/" + database.name(), "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenance, database.username(), database.password());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "' AND pid <> pg_backend_pid()");

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> probe("readiness", 503, "DOWN"));
                probe("liveness", 200, "UP");
            } finally {
                sql.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true");
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> probe("readiness", 200, "UP"));
    }

    @Test
    void prometheusExposesRestLatencyOutboxBacklogAndIntakeCountsByReason() {
        String no = api().post().uri("/api/v1/contacts").bodyValue(Map.of("type", "COMPANY", "name", "Measured"))
                .exchange().expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getLocation().getPath().replaceFirst(".*/", "");
        api().get().uri("/api/v1/contacts/{no}", no).exchange().expectStatus().isOk();
        service.bean(CloudEventPublisher.class).publish(service.requestsTopic(), new CloudEvent<>(
                UUID.randomUUID().toString(), "urn:test", EventTypes.CONTACT_UPSERT_REQUESTED, Instant.now(), "k",
                Map.of("contact", Map.of("type", "PERSON", "name", "Measured", "email", "not-an-email"))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(service.prometheus()).contains(
                "http_server_requests_seconds_bucket{",
                "uri=\"/api/v1/contacts/{no}\"",
                "contactsync_outbox_backlog{",
                "contactsync_outbox_oldest_age_seconds{",
                "contactsync_inbound_accepted_total{consumer=\"contact-requests\"",
                "contactsync_inbound_rejected_total{consumer=\"contact-requests\",reason=\"schema_violation\""));
    }

    @Test
    void openApiDescribesEveryContactOperation() {
        api().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/contacts'].get.parameters[?(@.name == 'filter')]").exists()
                .jsonPath("$.paths['/api/v1/contacts'].post.requestBody.content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/ContactFields")
                .jsonPath("$.paths['/api/v1/contacts/{no}'].get.responses['200'].headers.ETag").exists()
                .jsonPath("$.paths['/api/v1/contacts/{no}'].put.parameters[?(@.name == 'If-Match')]").exists()
                .jsonPath("$.paths['/api/v1/contacts/{no}'].patch.requestBody.content['application/merge-patch+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/contacts/{no}'].patch.responses['412']").exists()
                .jsonPath("$.paths['/api/v1/contacts/{no}'].delete.responses['204']").exists()
                .jsonPath("$.components.schemas.ContactPage.properties.totalItems").exists()
                .jsonPath("$.components.schemas.ContactSnapshot.properties.version").exists();
    }

    private static void probe(String group, int status, String state) {
        api().get().uri("/actuator/health/{group}", group).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.status").isEqualTo(state);
    }

    private static WebTestClient api() {
        return service.api();
    }
}
