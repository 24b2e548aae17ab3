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
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.orchestrator.replica.ContactReplica;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.TestClients;
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
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The orchestrator on a real PostgreSQL and Kafka, with the test playing the gateway: it reads the commands on
 * {@code outlook.commands.v1} and answers on {@code outlook.events.v1}.
 */
@RealInfrastructure
class OrchestratorTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient api;
    private static CloudEventPublisher publisher;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("orchestrator")));
        properties.put("server.port", 0);
        // No gateway in these tests: its connection check is refused at once.
        properties.put("contactsync.orchestrator.gateway-url", "http://127.0.0.1:9");
        properties.put("contactsync.orchestrator.retry-delay", "1s");
        properties.put("contactsync.orchestrator.watchdog-interval", "500ms");
        context = SyncOrchestratorApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = TestClients.admin("http://127.0.0.1:" + port).build();
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
    void S3_contactEventBecomesOneCreateCommandHoweverOftenItIsDelivered() {
        String mailbox = "realtime-" + UUID.randomUUID() + "@example.test";
        enabledUser(mailbox);
        String no = contactNo();
        CloudEvent<ContactSnapshot> event = upserted(person(no, 1, false));
        publisher.publish(Topics.BC_CONTACT_EVENTS, event);
        publisher.publish(Topics.BC_CONTACT_EVENTS, event);
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 0, false)));
        // A change of another contact afterwards: once its command is out, the ones before were handled.
        String other = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(other, 1, false)));

        List<WriteOutlookContacts> commands = commandsFor(mailbox, 2);

        assertThat(commands).flatExtracting(WriteOutlookContacts::operations)
                .extracting(WriteOutlookContacts.Operation::contactNo).containsExactly(no, other);
        WriteOutlookContacts first = commands.get(0);
        assertThat(first.folderName()).isEqualTo("Business Central");
        assertThat(first.operations()).singleElement().satisfies(op -> {
            assertThat(op.action()).isEqualTo(WriteOutlookContacts.Action.UPSERT);
            assertThat(op.outlookId()).isNull();
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
    void S3_changeDuringAPendingCreateIsWrittenOnceTheCreateIsConfirmedAndANoOpChangeWritesNothing() {
        String mailbox = "linked-" + UUID.randomUUID() + "@example.test";
        String user = enabledUser(mailbox);
        String no = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 1, false)));
        WriteOutlookContacts create = commandsFor(mailbox, 1).get(0);
        // Changed while the create is on its way: nothing is sent until the gateway answers.
        ContactSnapshot renamed = withName(person(no, 2, false), "Rosalind E. Franklin");
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(renamed));
        answer(mailbox, new OutlookContactsWritten(create.commandId(), user, mailbox, null, "folder-1", List.of(
                new OutlookContactsWritten.Result(WriteOutlookContacts.Action.UPSERT, no,
                        OutlookContactsWritten.Status.DONE, "outlook-id-1", "ck1", null, false))));

        WriteOutlookContacts update = commandsFor(mailbox, 2).get(1);
        assertThat(update.operations()).singleElement().satisfies(op -> {
            assertThat(op.outlookId()).isEqualTo("outlook-id-1");
            assertThat(op.contact().displayName()).isEqualTo("Rosalind E. Franklin");
        });
        answer(mailbox, new OutlookContactsWritten(update.commandId(), user, mailbox, null, "folder-1", List.of(
                new OutlookContactsWritten.Result(WriteOutlookContacts.Action.UPSERT, no,
                        OutlookContactsWritten.Status.DONE, "outlook-id-1", "ck2", null, false))));
        // Same mapped values, new version (an unmapped field changed): no write; the next real change is the next command.
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(withName(person(no, 3, false), "Rosalind E. Franklin")));
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(withName(person(no, 4, false), "R. Franklin")));

        List<WriteOutlookContacts> all = commandsFor(mailbox, 3);
        assertThat(all).hasSize(3);
        assertThat(all.get(2).operations().get(0).contact().displayName()).isEqualTo("R. Franklin");
    }

    @Test
    void S5_S6_fullRunReadsTheFolderCreatesTheTargetSetImportsTypedContactsAndEndsWithCounts() {
        String mailbox = "run-" + UUID.randomUUID() + "@example.test";
        String user = newUser(mailbox);
        String no = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 1, false)));
        // Not realtime, so nothing is written until the run.
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("realtime", false)).exchange()
                .expectStatus().isOk();
        String runId = api.post().uri("/api/v1/users/{u}/contact-sync/runs", user).bodyValue(Map.of("mode", "FULL"))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();

        ReadOutlookChanges read = readCommandsFor(mailbox, 1).get(0);
        assertThat(read.deltaLink()).as("a full run reads everything").isNull();
        assertThat(read.runId()).isEqualTo(runId);
        OutlookContact typed = new OutlookContact("Jan Novak", "Jan", null, "Novak", null,
                List.of(new OutlookContact.EmailAddress("Jan Novak", "jan.novak-" + no + "@example.cz")), null, null,
                List.of(), null, null, null);
        OutlookContact nameless = new OutlookContact(null, null, null, null, null,
                List.of(new OutlookContact.EmailAddress(null, "who@example.cz")), null, null, List.of(), null, null, null);
        // The replica must hold the contact before the plan is made: wait until the realtime-off user sees it.
        await().atMost(Duration.ofSeconds(60)).until(() -> contactInReplica(no));
        answer(mailbox, new OutlookChangesRead(read.commandId(), user, mailbox, runId, "folder-1", true, false,
                List.of(new OutlookItem("typed-1", "ck", null, typed), new OutlookItem("nameless-1", "ck", null, nameless)),
                List.of(), "delta-1"));

        WriteOutlookContacts write = commandsFor(mailbox, 1).get(0);
        assertThat(write.runId()).isEqualTo(runId);
        assertThat(write.operations()).extracting(WriteOutlookContacts.Operation::contactNo).contains(no);
        try (TopicReader requests = TopicReader.fromBeginning(Topics.BC_CONTACT_REQUESTS)) {
            ConsumerRecord<String, byte[]> request = requests.awaitRecords(all -> all.stream()
                    .anyMatch(r -> ("outlook:" + user + ":typed-1").equals(r.key())), Duration.ofSeconds(60))
                    .stream().filter(r -> ("outlook:" + user + ":typed-1").equals(r.key())).findFirst().orElseThrow();
            ContactUpsertRequested imported = EventJson.read(request.value(), ContactUpsertRequested.class);
            assertThat(imported.contact().name()).isEqualTo("Jan Novak");
            assertThat(imported.contact().type()).isEqualTo(ContactType.PERSON);
        }
        api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, runId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RUNNING");

        answer(mailbox, new OutlookContactsWritten(write.commandId(), user, mailbox, runId, "folder-1",
                write.operations().stream().map(op -> new OutlookContactsWritten.Result(op.action(), op.contactNo(),
                        OutlookContactsWritten.Status.DONE, "id-" + op.contactNo(), "ck", null, false)).toList()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, runId).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.status").isEqualTo("SUCCEEDED")
                        .jsonPath("$.mode").isEqualTo("FULL")
                        .jsonPath("$.counts.imported").isEqualTo(1)
                        .jsonPath("$.counts.skipped").isEqualTo(1)
                        .jsonPath("$.problems[0].outlookId").isEqualTo("nameless-1"));
        assertThat(write.operations().stream().filter(op -> op.contactNo().equals(no)).count()).isEqualTo(1);
        api.get().uri("/api/v1/contact-sync/status").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.userId == '" + user + "')].lastRunStatus").isEqualTo("SUCCEEDED");
        assertThat(context.getBean(MeterRegistry.class).get("contactsync.sync.runs.finished")
                .tags("mode", "FULL", "status", "SUCCEEDED").counter().count()).isPositive();
    }

    @Test
    void S5_S7_fullReadInPartsReplacesTheMirrorSoAContactGoneFromOutlookIsRecreated() {
        String mailbox = "parts-" + UUID.randomUUID() + "@example.test";
        String user = manualUser(mailbox);
        String no = replicatedContact();
        String first = firstFullRunWritingOne(user, mailbox, new OutlookContactsWritten.Result(
                WriteOutlookContacts.Action.UPSERT, no, OutlookContactsWritten.Status.DONE, "x1", "ck", null, false));
        awaitRunStatus(user, first, "SUCCEEDED");

        String second = startRun(user, "FULL");
        ReadOutlookChanges secondRead = readCommandsFor(mailbox, 2).get(1);
        OutlookContact typed = new OutlookContact("Someone", null, null, null, null, List.of(), null, null, List.of(),
                null, null, null);
        answer(mailbox, new OutlookChangesRead(secondRead.commandId(), user, mailbox, second, "folder-1", true, false,
                List.of(new OutlookItem("t1", "ck", null, typed)), List.of(), null, 1, false));
        awaitRunStatus(user, second, "QUEUED");
        answer(mailbox, new OutlookChangesRead(secondRead.commandId(), user, mailbox, second, "folder-1", true, false,
                List.of(), List.of(), "delta-2", 2, true));

        WriteOutlookContacts recreate = commandsFor(mailbox, 2).get(1);
        assertThat(recreate.operations()).singleElement().satisfies(op -> {
            assertThat(op.contactNo()).isEqualTo(no);
            assertThat(op.outlookId()).isNull();
        });
        api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, second).exchange().expectBody()
                .jsonPath("$.counts.recreated").isEqualTo(1)
                .jsonPath("$.counts.skipped").isEqualTo(1);
    }

    @Test
    void throttledWriteIsRetriedByANewRunOnceGraphAllowsIt() {
        String mailbox = "throttled-" + UUID.randomUUID() + "@example.test";
        String user = manualUser(mailbox);
        String no = replicatedContact();
        String runId = firstFullRunWritingOne(user, mailbox, new OutlookContactsWritten.Result(WriteOutlookContacts.Action.UPSERT,
                no, OutlookContactsWritten.Status.FAILED, null, null, "throttled", true, Instant.now()));
        awaitRunStatus(user, runId, "PARTIAL");

        // Nobody asks: the orchestrator starts the retry itself, which reads the folder and writes the contact again.
        ReadOutlookChanges retryRead = readCommandsFor(mailbox, 2).get(1);
        assertThat(retryRead.runId()).isNotEqualTo(runId);
        answer(mailbox, new OutlookChangesRead(retryRead.commandId(), user, mailbox, retryRead.runId(), "folder-1",
                false, false, List.of(), List.of(), "delta-2"));
        assertThat(commandsFor(mailbox, 2).get(1).operations()).extracting(WriteOutlookContacts.Operation::contactNo)
                .containsExactly(no);
    }

    @Test
    void concurrentTriggersForOneUserCoalesceIntoOneRun() {
        String user = enabledUser("coalesce-" + UUID.randomUUID() + "@example.test");
        String first = startRun(user, "INCREMENTAL");
        String second = startRun(user, "FULL");

        assertThat(second).isEqualTo(first);
        api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, first).exchange()
                .expectBody().jsonPath("$.mode").isEqualTo("FULL").jsonPath("$.status").isEqualTo("QUEUED");
    }

    @Test
    void S14_disabledUserGetsNoRunAndNoRealtimeWrite() {
        String mailbox = "disabled-" + UUID.randomUUID() + "@example.test";
        String user = newUser(mailbox);
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isOk();
        api.post().uri("/api/v1/users/{u}/contact-sync/runs", user).bodyValue(Map.of("mode", "FULL")).exchange()
                .expectStatus().isEqualTo(409);
        String enabledMailbox = "enabled-" + UUID.randomUUID() + "@example.test";
        enabledUser(enabledMailbox);
        String no = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 1, false)));

        commandsFor(enabledMailbox, 1);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.OUTLOOK_COMMANDS)) {
            assertThat(reader.awaitRecords(all -> all.stream().anyMatch(r -> enabledMailbox.equals(r.key())),
                    Duration.ofSeconds(60))).noneMatch(r -> mailbox.equals(r.key()));
        }
    }

    @Test
    void validateSaysWhatIsMissingAndThatTheGatewayDidNotAnswer() {
        String withoutMail = "nomail-" + UUID.randomUUID();
        api.put().uri("/api/v1/users/{u}", withoutMail).bodyValue(Map.of("displayName", "No Mail")).exchange()
                .expectStatus().isOk();
        api.post().uri("/api/v1/users/{u}/contact-sync/validate", withoutMail).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.checks[0].name").isEqualTo("user")
                .jsonPath("$.checks[0].message").value(m -> assertThat((String) m).contains("no Microsoft 365 e-mail"));

        String user = enabledUser("validate-" + UUID.randomUUID() + "@example.test");
        api.post().uri("/api/v1/users/{u}/contact-sync/validate", user).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.checks[0].ok").isEqualTo(true)
                .jsonPath("$.checks[1].name").isEqualTo("setup")
                .jsonPath("$.checks[2].name").isEqualTo("gateway")
                .jsonPath("$.checks[2].message").value(m -> assertThat((String) m).contains("gateway-url"));
        api.post().uri("/api/v1/users/nobody-{id}/contact-sync/validate", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void badFilterIsRefusedNamingTheFieldAndPosition() {
        String user = newUser("filter-" + UUID.randomUUID() + "@example.test");
        api.put().uri("/api/v1/users/{u}/contact-sync", user)
                .bodyValue(Map.of("filter", Map.of("city", "'Berl"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("filter.city")
                .jsonPath("$.position").isNumber();
        api.put().uri("/api/v1/users/{u}/contact-sync", user)
                .bodyValue(Map.of("filter", Map.of("shoeSize", "42"))).exchange()
                .expectStatus().isBadRequest();
    }

    private static List<WriteOutlookContacts> commandsFor(String mailbox, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.OUTLOOK_COMMANDS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(
                    all -> all.stream().filter(r -> mailbox.equals(r.key())).filter(OrchestratorTest::isWrite).count()
                            >= count, Duration.ofSeconds(60));
            return records.stream()
                    .filter(r -> mailbox.equals(r.key()))
                    .filter(OrchestratorTest::isWrite)
                    .map(r -> EventJson.read(r.value(), WriteOutlookContacts.class))
                    .toList();
        }
    }

    private static List<ReadOutlookChanges> readCommandsFor(String mailbox, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.OUTLOOK_COMMANDS)) {
            return reader.awaitRecords(all -> all.stream().filter(r -> mailbox.equals(r.key()))
                            .filter(r -> EventTypes.OUTLOOK_READ_CHANGES.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                            .count() >= count, Duration.ofSeconds(60)).stream()
                    .filter(r -> mailbox.equals(r.key()))
                    .filter(r -> EventTypes.OUTLOOK_READ_CHANGES.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                    .map(r -> EventJson.read(r.value(), ReadOutlookChanges.class))
                    .toList();
        }
    }

    private static void answer(String mailbox, Object answer) {
        String type = answer instanceof OutlookChangesRead ? EventTypes.OUTLOOK_CHANGES_READ
                : EventTypes.OUTLOOK_CONTACTS_WRITTEN;
        publisher.publish(Topics.OUTLOOK_EVENTS, CloudEvents.create("/test/gateway", type, mailbox, answer));
    }

    private static String startRun(String user, String mode) {
        return api.post().uri("/api/v1/users/{u}/contact-sync/runs", user).bodyValue(Map.of("mode", mode))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();
    }

    /**
     * The user's first FULL run, the test playing the gateway: the folder reads empty, and the one write it plans
     * is answered with {@code result}. Returns the run's id.
     */
    private static String firstFullRunWritingOne(String user, String mailbox, OutlookContactsWritten.Result result) {
        String runId = startRun(user, "FULL");
        ReadOutlookChanges read = readCommandsFor(mailbox, 1).get(0);
        answer(mailbox, new OutlookChangesRead(read.commandId(), user, mailbox, runId, "folder-1", true, false,
                List.of(), List.of(), "delta-1"));
        WriteOutlookContacts write = commandsFor(mailbox, 1).get(0);
        answer(mailbox, new OutlookContactsWritten(write.commandId(), user, mailbox, runId, "folder-1", List.of(result)));
        return runId;
    }

    private static void awaitRunStatus(String user, String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api.get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", user, runId).exchange()
                        .expectBody().jsonPath("$.status").isEqualTo(status));
    }

    /** A user whose folder changes only when a run is asked for. */
    private static String manualUser(String mailbox) {
        String user = newUser(mailbox);
        api.put().uri("/api/v1/users/{u}/contact-sync", user).bodyValue(Map.of("realtime", false)).exchange()
                .expectStatus().isOk();
        return user;
    }

    /** A BC person the orchestrator's replica already holds, so a plan made now includes it. */
    private static String replicatedContact() {
        String no = contactNo();
        publisher.publish(Topics.BC_CONTACT_EVENTS, upserted(person(no, 1, false)));
        await().atMost(Duration.ofSeconds(60)).until(() -> contactInReplica(no));
        return no;
    }

    private static boolean contactInReplica(String no) {
        return context.getBean(ContactReplica.class).find(no).isPresent();
    }

    private static ContactSnapshot withName(ContactSnapshot c, String name) {
        return new ContactSnapshot(c.no(), c.type(), name, c.firstName(), c.middleName(), c.surname(), c.initials(),
                c.companyNo(), c.companyName(), c.jobTitle(), c.email(), c.email2(), c.phoneNo(), c.mobilePhoneNo(),
                c.faxNo(), c.address(), c.address2(), c.city(), c.postCode(), c.county(), c.countryRegionCode(),
                c.homePage(), c.salespersonCode(), c.territoryCode(), c.privacyBlocked(), c.lastModifiedAt(),
                c.version());
    }

    private static boolean isWrite(ConsumerRecord<String, byte[]> record) {
        return EventTypes.OUTLOOK_WRITE_CONTACTS.equals(TopicReader.header(record, CloudEventHeaders.TYPE));
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
