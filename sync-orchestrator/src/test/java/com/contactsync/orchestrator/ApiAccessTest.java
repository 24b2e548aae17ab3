package com.contactsync.orchestrator;

import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.RealInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A person manages their own setup and runs, nobody else's; the user list, and with it which mailbox a user's sync
 * writes to, is for admins only.
 */
@RealInfrastructure
class ApiAccessTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient admin;
    private static WebTestClient alice;
    private static WebTestClient anonymous;

    @BeforeAll
    static void start() {
        context = RunningOrchestrator.start(Map.of());
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String url = "http://127.0.0.1:" + port;
        anonymous = TestClients.anonymous(url).build();
        admin = TestClients.admin(url).build();
        alice = TestClients.user(url, "ALICE").build();
        for (String user : new String[] {"ALICE", "BOB"}) {
            admin.put().uri("/api/v1/users/{u}", user)
                    .bodyValue(Map.of("displayName", user, "m365Email", user.toLowerCase() + "@example.test")).exchange()
                    .expectStatus().isOk();
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void userManagesTheirOwnSetupAndRuns() {
        alice.get().uri("/api/v1/users/ALICE").exchange().expectStatus().isOk();
        alice.put().uri("/api/v1/users/ALICE/contact-sync").bodyValue(Map.of("folderName", "My BC")).exchange()
                .expectStatus().isOk();
        alice.get().uri("/api/v1/users/ALICE/contact-sync").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.folderName").isEqualTo("My BC");
        alice.post().uri("/api/v1/users/ALICE/contact-sync/runs").bodyValue(Map.of("mode", "FULL")).exchange()
                .expectStatus().isAccepted();
        alice.get().uri("/api/v1/users/ALICE/contact-sync/runs").exchange().expectStatus().isOk();
    }

    @Test
    void userCannotReadOrChangeAnotherUsersSync() {
        alice.get().uri("/api/v1/users/BOB").exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        alice.get().uri("/api/v1/users/BOB/contact-sync").exchange().expectStatus().isForbidden();
        alice.put().uri("/api/v1/users/BOB/contact-sync").bodyValue(Map.of("enabled", false)).exchange().expectStatus().isForbidden();
        alice.post().uri("/api/v1/users/BOB/contact-sync/runs").bodyValue(Map.of("mode", "FULL")).exchange().expectStatus().isForbidden();
        alice.post().uri("/api/v1/users/BOB/contact-sync/validate").exchange().expectStatus().isForbidden();
    }

    @Test
    void userCannotPointTheirSyncAtAnotherMailbox() {
        alice.put().uri("/api/v1/users/ALICE").bodyValue(Map.of("displayName", "ALICE", "m365Email", "bob@example.test"))
                .exchange().expectStatus().isForbidden();
        // a mailbox slipped into the setup is no field of it: the user record still decides
        alice.put().uri("/api/v1/users/ALICE/contact-sync").bodyValue(Map.of("m365Email", "bob@example.test", "mailbox", "bob@example.test"))
                .exchange().expectStatus().isOk();

        admin.get().uri("/api/v1/users/ALICE").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.m365Email").isEqualTo("alice@example.test");
    }

    @Test
    void operatorEndpointsAreForAdmins() {
        alice.get().uri("/api/v1/contact-sync/status").exchange().expectStatus().isForbidden();
        alice.post().uri("/api/v1/contact-sync/runs").bodyValue(Map.of("mode", "FULL")).exchange().expectStatus().isForbidden();
        admin.get().uri("/api/v1/contact-sync/status").exchange().expectStatus().isOk();
    }

    @Test
    void withoutTokenOnlyHealthAndMetricsAnswer() {
        anonymous.get().uri("/api/v1/users/ALICE").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
