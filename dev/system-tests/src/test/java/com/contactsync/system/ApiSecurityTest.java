package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Issue 8, "Security", end to end: whose mailbox a sync writes to, and where secrets never show. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTest {

    private static ContactSyncSystem system;

    @BeforeAll
    static void start() {
        system = ContactSyncSystem.get();
    }

    @Test
    void aUsersSyncWritesOnlyIntoTheMailboxOfTheirUserRecordWhateverTheRequestSays() {
        Scenario alice = new Scenario(system, false);
        Scenario bob = new Scenario(system, false);
        String no = alice.bcPerson("Ada Lovelace", "ada." + alice.city + "@example.test");
        WebTestClient asAlice = system.client(system.orchestrator, TestIssuer.get().userToken(alice.userId));

        asAlice.put().uri("/api/v1/users/{u}", alice.userId)
                .bodyValue(Map.of("displayName", alice.userId, "m365Email", bob.mailbox)).exchange()
                .expectStatus().isForbidden();
        asAlice.put().uri("/api/v1/users/{u}/contact-sync", alice.userId)
                .bodyValue(Map.of("enabled", true, "folderName", Scenario.FOLDER, "filter", Map.of("city", alice.city),
                        "realtime", false, "m365Email", bob.mailbox, "mailbox", bob.mailbox))
                .exchange().expectStatus().isOk();
        asAlice.post().uri("/api/v1/users/{u}/contact-sync/runs", bob.userId).bodyValue(Map.of("mode", "FULL")).exchange()
                .expectStatus().isForbidden();
        String runId = (String) asAlice.post().uri("/api/v1/users/{u}/contact-sync/runs", alice.userId)
                .bodyValue(Map.of("mode", "FULL")).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId");
        await().atMost(Duration.ofSeconds(120)).until(() -> asAlice.get()
                .uri("/api/v1/users/{u}/contact-sync/runs/{r}", alice.userId, runId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status"),
                status -> "SUCCEEDED".equals(status));

        alice.awaitFolderHolds(no);
        assertThat(bob.taggedContacts()).isEmpty();
    }

    @Test
    void secretsAndTokensNeverAppearInLogsOrAnswers(CapturedOutput output) {
        String adminToken = TestIssuer.get().adminToken();
        // a new orchestrator signs in afresh with its client secret, and logs its start
        system.restartOrchestrator();
        Scenario s = new Scenario(system, false);
        List<String> answers = new ArrayList<>();

        answers.add(system.client(system.orchestrator).post().uri("/api/v1/users/{u}/contact-sync/validate", s.userId)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(answers.get(0)).as("the orchestrator's token is good for the gateway").contains("\"ok\":true");
        answers.add(system.client(system.gateway, adminToken + "x").post().uri("/api/v1/mailboxes/{m}/check", s.mailbox)
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody());
        answers.add(system.client(system.gateway, TestIssuer.get().userToken(s.userId)).post()
                .uri("/api/v1/mailboxes/{m}/check", s.mailbox)
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody());
        answers.add(system.client(system.contactService).post().uri("/api/v1/contacts")
                .header("Content-Type", "application/json").bodyValue("{\"type\":").exchange()
                .expectStatus().is4xxClientError().expectBody(String.class).returnResult().getResponseBody());
        for (String endpoint : List.of("env", "configprops", "beans", "heapdump")) {
            system.client(system.orchestrator).get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
        }

        String[] secrets = {TestIssuer.CLIENT_SECRET, RunningSimulator.CLIENT_SECRET, adminToken};
        assertThat(output.getAll()).as("logs").isNotEmpty().doesNotContain(secrets);
        assertThat(answers).as("answers").hasSize(4).allSatisfy(answer -> assertThat(answer).doesNotContain(secrets));
    }
}
