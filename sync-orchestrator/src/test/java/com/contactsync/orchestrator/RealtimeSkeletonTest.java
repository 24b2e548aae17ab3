package com.contactsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Users, setups and realtime commands of the orchestrator, on a real PostgreSQL and Kafka. */
@RealInfrastructure
class RealtimeSkeletonTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient api;
    private static CloudEventPublisher publisher;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("orchestrator")));
        properties.put("server.port", 0);
        context = SyncOrchestratorApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        publisher = context.getBean(CloudEventPublisher.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void setupTakesTheProductDefaults() {
        String user = newUser("defaults@example.test");
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.folderName").isEqualTo("Business Central")
                .jsonPath("$.realtime").isEqualTo(true)
                .jsonPath("$.state").isEqualTo("IDLE");
        api.get().uri("/api/v1/users/{u}", user).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.m365Email").isEqualTo("defaults@example.test");
    }

    @Test
    void setupOfAUserWithoutMicrosoft365EmailIsRefusedWithTheReason() {
        String user = "nomail-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", user).bodyValue(Map.of("displayName", "No Mail")).exchange()
                .expectStatus().isOk();
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("enabled", true)).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("m365Email")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no Microsoft 365 e-mail"));
    }

    @Test
    void setupOfAnUnknownUserIs404AndABadEmailIs422() {
        api.put().uri("/api/v1/users/ghost-{id}/contact-sync", UUID.randomUUID()).bodyValue(Map.of()).exchange()
                .expectStatus().isNotFound();
        api.put().uri("/api/v1/users/bad-mail").bodyValue(Map.of("m365Email", "not an address")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("m365Email");
    }

    @Test
    void S3_contactEventBecomesOneWriteCommandPerDeliveryForTheUsersMailbox() {
        String mailbox = "realtime-" + UUID.randomUUID() + "@example.test";
        enabledUser(mailbox);
        String no = contactNo();
        CloudEvent<ContactSnapshot> event = upserted(person(no, 1, false));
        publisher.publish(Topics.BC_CONTACT_EVENTS, event);
        publisher.publish(Topics.BC_CONTACT_EVENTS, event);
        CloudEvent<ContactSnapshot> older = upserted(person(no, 0, false));
        publisher.publish(Topics.BC_CONTACT_EVENTS, older);
        // A later, newer event for the same key: when its command is out, the earlier ones were handled.
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 2, false)));

        List<WriteOutlookContacts> commands = commandsFor(mailbox, 2);

        assertThat(commands).hasSize(2);
        WriteOutlookContacts first = commands.get(0);
        assertThat(first.folderName()).isEqualTo("Business Central");
        assertThat(first.operations()).singleElement().satisfies(op -> {
            assertThat(op.action()).isEqualTo(WriteOutlookContacts.Action.UPSERT);
            assertThat(op.contactNo()).isEqualTo(no);
            assertThat(op.contact().displayName()).isEqualTo("Rosalind Franklin");
            assertThat(op.contact().emailAddresses().get(0).address()).isEqualTo("rosalind@kings.example");
            assertThat(op.contact().businessAddress().city()).isEqualTo("London");
        });
    }

    @Test
    void S3_privacyBlockedContactIsNotWritten() {
        String mailbox = "blocked-" + UUID.randomUUID() + "@example.test";
        enabledUser(mailbox);
        String blocked = contactNo();
        String open = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(blocked, 1, true)));
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(open, 1, false)));

        List<WriteOutlookContacts> commands = commandsFor(mailbox, 1);

        assertThat(commands).flatExtracting(WriteOutlookContacts::operations)
                .extracting(WriteOutlookContacts.Operation::contactNo)
                .containsExactly(open);
    }

    @Test
    void writtenContactIsLinkedSoTheNextChangeNamesItsOutlookId() {
        String mailbox = "linked-" + UUID.randomUUID() + "@example.test";
        String user = enabledUser(mailbox);
        String no = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 1, false)));
        WriteOutlookContacts command = commandsFor(mailbox, 1).get(0);
        publisher.publish(Topics.OUTLOOK_EVENTS, CloudEvents.create("/test/gateway", EventTypes.OUTLOOK_CONTACTS_WRITTEN,
                mailbox, new OutlookContactsWritten(command.commandId(), user, mailbox, null, "folder-1", List.of(
                        new OutlookContactsWritten.Result(WriteOutlookContacts.Action.UPSERT, no,
                                OutlookContactsWritten.Status.DONE, "outlook-id-1", "ck1", null, false)))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, System.nanoTime(), false)));
            List<WriteOutlookContacts> later = commandsFor(mailbox, 2);
            assertThat(later.get(later.size() - 1).operations().get(0).outlookId()).isEqualTo("outlook-id-1");
        });
    }

    private static List<WriteOutlookContacts> commandsFor(String mailbox, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.OUTLOOK_COMMANDS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(
                    all -> all.stream().filter(r -> mailbox.equals(r.key())).count() >= count, Duration.ofSeconds(60));
            return records.stream()
                    .filter(r -> mailbox.equals(r.key()))
                    .peek(r -> assertThat(TopicReader.header(r, CloudEventHeaders.TYPE))
                            .isEqualTo(EventTypes.OUTLOOK_WRITE_CONTACTS))
                    .map(r -> EventJson.read(r.value(), WriteOutlookContacts.class))
                    .toList();
        }
    }

    private static String newUser(String mailbox) {
        String user = "user-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", user).bodyValue(Map.of("displayName", "Test", "m365Email", mailbox))
                .exchange().expectStatus().isOk();
        return user;
    }

    private static String enabledUser(String mailbox) {
        String user = newUser(mailbox);
        api.put().uri("/api/v1/users/{u}/contact-sync", user)
                .bodyValue(Map.of("enabled", true, "realtime", true, "filter", Map.of()))
                .exchange().expectStatus().isOk();
        return user;
    }

    private static String contactNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static CloudEvent<ContactSnapshot> upserted(ContactSnapshot contact) {
        return CloudEvents.create("/test/contact-service", EventTypes.CONTACT_UPSERTED, contact.no(), contact);
    }

    private static ContactSnapshot person(String no, long version, boolean privacyBlocked) {
        return new ContactSnapshot(no, ContactType.PERSON, "Rosalind Franklin", "Rosalind", null, "Franklin", null,
                null, "King's College", "Researcher", "rosalind@kings.example", null, null, null, null, "Strand",
                null, "London", "WC2R 2LS", null, "GB", null, null, null, privacyBlocked, Instant.now(), version);
    }
}
