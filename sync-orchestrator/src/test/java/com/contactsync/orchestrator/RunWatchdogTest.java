package com.contactsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A run the gateway never answers ends, with a reason, and does not block the user's next run. */
@RealInfrastructure
class RunWatchdogTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient api;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("watchdog")));
        properties.put("server.port", 0);
        properties.put("contactsync.orchestrator.run-timeout", "2s");
        properties.put("contactsync.orchestrator.watchdog-interval", "500ms");
        // No gateway here: the commands it would answer go to a topic nobody reads.
        properties.put("spring.cloud.stream.bindings.outlookEvents-in-0.destination", "watchdog.no-gateway");
        context = SyncOrchestratorApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = TestClients.admin("http://127.0.0.1:" + port)
                .build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void runWithoutAnswerEndsFailedWithAReasonAndANewRunCanStart() {
        String user = "watched-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", user).bodyValue(Map.of("m365Email", user + "@example.test")).exchange()
                .expectStatus().isOk();
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("realtime", false)).exchange()
                .expectStatus().isOk();
        String runId = runId(user);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, runId).exchange()
                        .expectBody()
                        .jsonPath("$.status").isEqualTo("FAILED")
                        .jsonPath("$.problems[0].message")
                        .value(m -> assertThat((String) m).contains("No answer from outlook-gateway")));
        assertThat(runId(user)).isNotEqualTo(runId);
        assertThat(metrics()).containsPattern(
                "contactsync_sync_runs_finished_total\\{mode=\"INCREMENTAL\",service=\"sync-orchestrator\",status=\"FAILED\"} [1-9]");
    }

    @Test
    void aUserWhoseLastRunFailedIsReportedFailingInTheMetrics() {
        String user = "failing-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", user).bodyValue(Map.of("m365Email", user + "@example.test")).exchange()
                .expectStatus().isOk();
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("realtime", false)).exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metrics())
                .contains("contactsync_sync_user_failing{service=\"sync-orchestrator\",user=\"" + user + "\"} 0.0"));
        runId(user);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metrics())
                .contains("contactsync_sync_user_failing{service=\"sync-orchestrator\",user=\"" + user + "\"} 1.0"));
    }

    private static String metrics() {
        return api.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String runId(String user) {
        return api.post().uri("/api/v1/users/{u}/contact-sync/runs", user).bodyValue(Map.of("mode", "INCREMENTAL"))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();
    }
}
