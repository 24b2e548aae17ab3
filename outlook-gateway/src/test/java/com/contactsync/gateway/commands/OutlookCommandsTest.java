package com.contactsync.gateway.commands;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookContactsWritten.Result;
import com.contactsync.contracts.events.OutlookContactsWritten.Status;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.OutlookView;
import com.contactsync.gateway.RunningGateway;
import com.contactsync.gateway.graph.OutlookTag;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Write commands against the simulator over HTTP and real Kafka, driven only by command records. */
@RealInfrastructure
class OutlookCommandsTest {

    private static final String FOLDER = "Business Central";

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void upsertCreatesTheTaggedContactWithMappedFieldsInBusinessCentralFolderAndReportsIt() {
        String mailbox = simulator.newMailbox();
        OutlookContact ada = fields("Ada", "Lovelace");

        WriteOutlookContacts command = command(mailbox, new Operation(Action.UPSERT, "CT000001", null, ada));
        gateway.send(command);

        List<ConsumerRecord<String, byte[]>> answer = gateway.awaitAnswer(command.commandId());
        Contact written = only(mailbox, "CT000001");
        assertThat(written.getDisplayName()).isEqualTo(ada.displayName());
        assertThat(written.getGivenName()).isEqualTo(ada.givenName());
        assertThat(written.getMiddleName()).isEqualTo(ada.middleName());
        assertThat(written.getSurname()).isEqualTo(ada.surname());
        assertThat(written.getInitials()).isEqualTo(ada.initials());
        assertThat(written.getEmailAddresses()).extracting(EmailAddress::getName, EmailAddress::getAddress)
                .containsExactly(tuple("Ada Lovelace", "ada@example.com"), tuple("Ada Lovelace", "ada@home.example"));
        assertThat(written.getCompanyName()).isEqualTo(ada.companyName());
        assertThat(written.getJobTitle()).isEqualTo(ada.jobTitle());
        assertThat(written.getBusinessPhones()).isEqualTo(ada.businessPhones());
        assertThat(written.getMobilePhone()).isEqualTo(ada.mobilePhone());
        assertThat(written.getBusinessAddress().getStreet()).isEqualTo(ada.businessAddress().street());
        assertThat(written.getBusinessAddress().getCity()).isEqualTo(ada.businessAddress().city());
        assertThat(written.getBusinessAddress().getState()).isEqualTo(ada.businessAddress().state());
        assertThat(written.getBusinessAddress().getPostalCode()).isEqualTo(ada.businessAddress().postalCode());
        assertThat(written.getBusinessAddress().getCountryOrRegion()).isEqualTo(ada.businessAddress().countryOrRegion());
        assertThat(written.getBusinessHomePage()).isEqualTo(ada.businessHomePage());
        assertThat(written.getCategories()).containsExactly(OutlookTag.CATEGORY);
        assertThat(OutlookView.tags(written).linkOrigin()).isNull();

        ConsumerRecord<String, byte[]> record = answer.get(0);
        OutlookContactsWritten outcome = EventJson.read(record.value(), OutlookContactsWritten.class);
        assertThat(answer).hasSize(1);
        assertThat(record.key()).isEqualTo(mailbox);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.OUTLOOK_CONTACTS_WRITTEN);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo(CommandRunner.SOURCE);
        assertThat(outcome.folderId()).isEqualTo(written.getParentFolderId());
        assertThat(outcome.results()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.DONE);
            assertThat(result.contactNo()).isEqualTo("CT000001");
            assertThat(result.outlookId()).isEqualTo(written.getId());
            assertThat(result.changeKey()).isEqualTo(written.getChangeKey());
        });
    }

    @Test
    void S8_anAdoptedContactGetsTheLinkOriginTagOurCategoryBesideThePersonsAndAnUpdateWithoutOriginLeavesItAlone() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact person = OutlookView.typed("Grace", "Hopper");
        person.setCategories(List.of("Red category"));
        Contact typed = outlook.create(mailbox, folderId, person);

        written(command(mailbox, new Operation(Action.UPSERT, "CT000002", typed.getId(), fields("Grace", "Hopper"), LinkOrigin.OUTLOOK)));
        Contact adopted = outlook.get(mailbox, typed.getId());
        assertThat(OutlookView.tags(adopted))
                .extracting(t -> t.bcContactNo(), t -> t.linkOrigin()).containsExactly("CT000002", LinkOrigin.OUTLOOK);
        assertThat(adopted.getCategories()).containsExactly("Red category", OutlookTag.CATEGORY);

        written(command(mailbox, new Operation(Action.UPSERT, "CT000002", typed.getId(), fields("Grace", "Hopper-Murray"))));

        Contact updated = outlook.get(mailbox, typed.getId());
        assertThat(updated.getSurname()).isEqualTo("Hopper-Murray");
        assertThat(OutlookView.tags(updated).linkOrigin()).isEqualTo(LinkOrigin.OUTLOOK);
        assertThat(updated.getCategories()).containsExactly("Red category", OutlookTag.CATEGORY);
    }

    @Test
    void S2_anUpdatePatchesOnlyMappedFieldsClearsEmptiedOnesAndKeepsTheUsersOwn() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact existing = OutlookView.tagged(fields("Alan", "Turing"), "CT000003", null);
        existing.setPersonalNotes("met at Bletchley");
        existing.setCategories(List.of(OutlookTag.CATEGORY, "Red category"));
        Contact created = outlook.create(mailbox, folderId, existing);
        OutlookContact changed = new OutlookContact("Alan M. Turing", "Alan", null, "Turing", null,
                List.of(new OutlookContact.EmailAddress("Alan", "alan@new.example")), "NPL", null, List.of(), null, null, null);

        Result result = written(command(mailbox, new Operation(Action.UPSERT, "CT000003", created.getId(), changed))).get(0);

        Contact updated = outlook.get(mailbox, created.getId());
        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.outlookId()).isEqualTo(created.getId());
        assertThat(result.changeKey()).isEqualTo(updated.getChangeKey()).isNotEqualTo(created.getChangeKey());
        assertThat(updated.getDisplayName()).isEqualTo("Alan M. Turing");
        assertThat(updated.getCompanyName()).isEqualTo("NPL");
        assertThat(updated.getEmailAddresses()).extracting(EmailAddress::getAddress).containsExactly("alan@new.example");
        assertThat(updated.getJobTitle()).isNullOrEmpty();
        assertThat(updated.getMobilePhone()).isNullOrEmpty();
        assertThat(updated.getBusinessPhones()).isEmpty();
        assertThat(updated.getBusinessAddress().getCity()).isNullOrEmpty();
        assertThat(updated.getPersonalNotes()).isEqualTo("met at Bletchley");
        assertThat(updated.getCategories()).containsExactly(OutlookTag.CATEGORY, "Red category");
        assertThat(OutlookView.tags(updated).bcContactNo()).isEqualTo("CT000003");
    }

    @Test
    void S7_anUpdateOfAContactDeletedInOutlookIsReportedNotFoundSoTheOrchestratorRecreatesIt() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact gone = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Edsger", "Dijkstra"), "CT000004", null));
        outlook.delete(mailbox, gone.getId());

        Result result = written(command(mailbox, new Operation(Action.UPSERT, "CT000004", gone.getId(), fields("Edsger", "Dijkstra")))).get(0);

        assertThat(result.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(result.outlookId()).isEqualTo(gone.getId());
        assertThat(outlook.contacts(mailbox, folderId)).isEmpty();
    }

    @Test
    void S9_aDeleteRemovesTheContactAndOneAlreadyGoneCountsAsNotFound() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact kept = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Barbara", "Liskov"), "CT000005", null));
        Contact doomed = outlook.create(mailbox, folderId, OutlookView.tagged(fields("John", "Backus"), "CT000006", null));

        List<Result> results = written(command(mailbox,
                new Operation(Action.DELETE, "CT000006", doomed.getId(), null),
                new Operation(Action.DELETE, "CT000007", "AAMkAGoneAAA=", null)));

        assertThat(results).extracting(Result::contactNo, Result::status)
                .containsExactly(tuple("CT000006", Status.DONE), tuple("CT000007", Status.NOT_FOUND));
        assertThat(outlook.contacts(mailbox, folderId)).extracting(Contact::getId).containsExactly(kept.getId());
    }

    @Test
    void aDeleteWithoutOutlookIdDeletesTheContactTaggedWithItsNumber() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact tagged = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Niklaus", "Wirth"), "CT000008", null));

        List<Result> results = written(command(mailbox,
                new Operation(Action.DELETE, "CT000008", null, null),
                new Operation(Action.DELETE, "CT000009", null, null)));

        assertThat(results).extracting(Result::outlookId, Result::status)
                .containsExactly(tuple(tagged.getId(), Status.DONE), tuple(null, Status.NOT_FOUND));
        assertThat(outlook.contacts(mailbox, folderId)).isEmpty();
    }

    @Test
    void S11_aContactTheUserMovedOutOfTheFolderIsNeitherUpdatedNorDeleted() {
        String mailbox = simulator.newMailbox();
        outlook.createFolder(mailbox, FOLDER);
        String elsewhere = outlook.createFolder(mailbox, "Private");
        Contact moved = outlook.create(mailbox, elsewhere, OutlookView.tagged(fields("Donald", "Knuth"), "CT000010", null));

        List<Result> results = written(command(mailbox,
                new Operation(Action.UPSERT, "CT000010", moved.getId(), fields("Donald", "Knuth-Changed")),
                new Operation(Action.DELETE, "CT000010", moved.getId(), null)));

        assertThat(results).extracting(Result::status).containsExactly(Status.NOT_FOUND, Status.NOT_FOUND);
        Contact untouched = outlook.get(mailbox, moved.getId());
        assertThat(untouched.getSurname()).isEqualTo("Knuth");
        assertThat(untouched.getChangeKey()).isEqualTo(moved.getChangeKey());
    }

    @Test
    void S14_theFolderIsRenamedFromItsPreviousNameWithItsContacts() {
        String mailbox = simulator.newMailbox();
        String oldFolder = outlook.createFolder(mailbox, "BC contacts");
        Contact there = outlook.create(mailbox, oldFolder, OutlookView.tagged(fields("Frances", "Allen"), "CT000011", null));

        WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), "user-1", mailbox, FOLDER, "BC contacts", null,
                List.of(new Operation(Action.UPSERT, "CT000012", null, fields("Jean", "Sammet"))));
        OutlookContactsWritten outcome = written(command, OutlookContactsWritten.class);

        assertThat(outcome.folderId()).isEqualTo(oldFolder);
        assertThat(outlook.folderNames(mailbox)).containsExactly(FOLDER);
        assertThat(outlook.contacts(mailbox, oldFolder)).extracting(Contact::getId).contains(there.getId()).hasSize(2);
    }

    @Test
    void S14_whenAFolderWithTheNewNameExistsThePreviousOneIsLeftAlone() {
        String mailbox = simulator.newMailbox();
        String previous = outlook.createFolder(mailbox, "BC contacts");
        String current = outlook.createFolder(mailbox, FOLDER);

        WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), "user-1", mailbox, FOLDER, "BC contacts", null,
                List.of(new Operation(Action.UPSERT, "CT000013", null, fields("Adele", "Goldberg"))));

        assertThat(written(command, OutlookContactsWritten.class).folderId()).isEqualTo(current);
        assertThat(outlook.folderNames(mailbox)).containsExactlyInAnyOrder(FOLDER, "BC contacts");
        assertThat(outlook.contacts(mailbox, previous)).isEmpty();
    }

    @Test
    void aHundredCreatesCostFiveBatchesAndTheFolderIsLookedUpOncePerMailbox() {
        String mailbox = simulator.newMailbox();
        written(command(mailbox, new Operation(Action.UPSERT, "CT000100", null, fields("First", "Contact"))));
        long batchesBefore = simulator.requests("POST", "/v1.0/$batch", 200, false);
        long folderReadsBefore = simulator.requests("GET", "/v1.0/users/{id}/contactFolders", 200, false);

        List<Result> results = written(command(mailbox, IntStream.range(101, 201)
                .mapToObj(i -> new Operation(Action.UPSERT, "CT000" + i, null, fields("Given" + i, "Surname" + i))).toArray(Operation[]::new)));

        assertThat(results).hasSize(100).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.DONE));
        assertThat(simulator.requests("POST", "/v1.0/$batch", 200, false) - batchesBefore).isEqualTo(5);
        assertThat(simulator.requests("GET", "/v1.0/users/{id}/contactFolders", 200, false) - folderReadsBefore).isZero();
        assertThat(outlook.byContactNo(mailbox, FOLDER)).hasSize(101).allSatisfy((no, contacts) -> assertThat(contacts).hasSize(1));
    }

    @Test
    void S12_twoUpsertsOfOneNewContactInOneCommandCreateItOnce() {
        String mailbox = simulator.newMailbox();

        List<Result> results = written(command(mailbox,
                new Operation(Action.UPSERT, "CT000300", null, fields("Old", "Values")),
                new Operation(Action.UPSERT, "CT000300", null, fields("New", "Values"))));

        Contact only = only(mailbox, "CT000300");
        assertThat(only.getGivenName()).isEqualTo("New");
        assertThat(results).extracting(Result::status, Result::outlookId)
                .containsExactly(tuple(Status.DONE, only.getId()), tuple(Status.DONE, only.getId()));
    }

    @Test
    void aFolderTheUserDeletedIsMadeAgainWhenTheNextCommandMeetsIt() {
        String mailbox = simulator.newMailbox();
        OutlookContactsWritten first = written(command(mailbox, new Operation(Action.UPSERT, "CT000400", null, fields("Ken", "Thompson"))),
                OutlookContactsWritten.class);
        outlook.deleteFolder(mailbox, first.folderId());

        OutlookContactsWritten second = written(command(mailbox, new Operation(Action.UPSERT, "CT000401", null, fields("Dennis", "Ritchie"))),
                OutlookContactsWritten.class);

        assertThat(second.results()).extracting(Result::status).containsExactly(Status.DONE);
        assertThat(second.folderId()).isNotEqualTo(first.folderId());
        assertThat(outlook.byContactNo(mailbox, FOLDER)).containsOnlyKeys("CT000401");
    }

    @Test
    void malformedCommandsGoToTheDeadLetterTopicWithAReasonAndTheNextCommandStillWorks() throws Exception {
        String mailbox = simulator.newMailbox();
        WriteOutlookContacts valid = command(mailbox, new Operation(Action.UPSERT, "CT000020", null, fields("Edsger", "Dijkstra")));
        String notJsonKey = "not-json-" + UUID.randomUUID();
        String noHeadersKey = "no-headers-" + UUID.randomUUID();
        String unknownTypeKey = "unknown-type-" + UUID.randomUUID();
        CloudEvent<byte[]> notJson = new CloudEvent<>(UUID.randomUUID().toString(), "/test", EventTypes.OUTLOOK_WRITE_CONTACTS,
                Instant.now(), notJsonKey, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        CloudEvent<byte[]> unknownType = new CloudEvent<>(UUID.randomUUID().toString(), "/test", EventTypes.CONTACT_UPSERTED,
                Instant.now(), unknownTypeKey, "{}".getBytes(StandardCharsets.UTF_8));

        try (KafkaProducer<String, byte[]> producer = RunningGateway.producer()) {
            producer.send(CloudEventPublisher.record(Topics.OUTLOOK_COMMANDS, notJson)).get();
            producer.send(new ProducerRecord<>(Topics.OUTLOOK_COMMANDS, noHeadersKey, EventJson.write(valid))).get();
            producer.send(CloudEventPublisher.record(Topics.OUTLOOK_COMMANDS, unknownType)).get();
        }
        gateway.send(valid);

        try (TopicReader dlq = TopicReader.fromBeginning(Topics.dlq(Topics.OUTLOOK_COMMANDS))) {
            List<String> keys = List.of(notJsonKey, noHeadersKey, unknownTypeKey);
            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitRecords(records -> records.stream()
                    .filter(r -> keys.contains(r.key())).count() == 3, RunningGateway.PATIENCE);
            assertThat(TopicReader.header(find(dead, notJsonKey), CloudEventHeaders.ERROR_REASON)).contains("not a valid WriteOutlookContacts");
            assertThat(TopicReader.header(find(dead, notJsonKey), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.OUTLOOK_WRITE_CONTACTS);
            assertThat(TopicReader.header(find(dead, noHeadersKey), CloudEventHeaders.ERROR_REASON)).contains("ce_specversion is missing");
            assertThat(TopicReader.header(find(dead, noHeadersKey), CloudEventHeaders.ERROR_CLASS)).endsWith("InvalidEventException");
            assertThat(TopicReader.header(find(dead, unknownTypeKey), CloudEventHeaders.ERROR_REASON)).contains("not a command");
        }
        assertThat(gateway.awaitAnswer(valid.commandId(), OutlookContactsWritten.class).results())
                .extracting(Result::status).containsExactly(Status.DONE);
    }

    @Test
    void commandForAMailboxGraphDoesNotKnowReportsCommandFailedNotRetryable() {
        String unknown = "nobody-" + UUID.randomUUID() + "@contoso.test";
        WriteOutlookContacts command = command(unknown, new Operation(Action.UPSERT, "CT000030", null, fields("No", "Body")));

        gateway.send(command);

        CommandFailed failed = gateway.awaitAnswer(command.commandId(), CommandFailed.class);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("404").contains("ErrorInvalidUser");
    }

    @Test
    void aMailboxAnApplicationAccessPolicyClosesReportsCommandFailedNotRetryable() {
        String mailbox = simulator.newMailbox();
        simulator.mailboxSettings(mailbox, "{\"accessDenied\": true}");
        WriteOutlookContacts command = command(mailbox, new Operation(Action.UPSERT, "CT000031", null, fields("Shut", "Out")));

        gateway.send(command);

        CommandFailed failed = gateway.awaitAnswer(command.commandId(), CommandFailed.class);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("403").contains("ErrorAccessDenied");
    }

    @Test
    void servesHealthProbesMetricsAndTheConnectionCheckInOpenApi() {
        WebTestClient http = TestClients.admin("http://localhost:" + gateway.port())
                .build();

        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }
        await().atMost(RunningGateway.PATIENCE).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .contains("contactsync_graph_requests_total{", "operation=\"contact_create\"", "status=\"201\"")
                        .containsPattern("contactsync_graph_latency_seconds_count\\{[^}]*outcome=\"2xx\"")
                        .contains("contactsync_gateway_commands_total{", "type=\"write-contacts\"", "outcome=\"done\"")));
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("/api/v1/mailboxes/{mailbox}/check"));
    }

    private static List<Result> written(WriteOutlookContacts command) {
        return written(command, OutlookContactsWritten.class).results();
    }

    private static <T> T written(WriteOutlookContacts command, Class<T> type) {
        gateway.send(command);
        return gateway.awaitAnswer(command.commandId(), type);
    }

    /** The one contact tagged with {@code contactNo} in the mailbox's folder. */
    private static Contact only(String mailbox, String contactNo) {
        List<Contact> tagged = outlook.byContactNo(mailbox, FOLDER).getOrDefault(contactNo, List.of());
        assertThat(tagged).hasSize(1);
        return tagged.get(0);
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    static WriteOutlookContacts command(String mailbox, Operation... operations) {
        return new WriteOutlookContacts(UUID.randomUUID().toString(), "user-1", mailbox, FOLDER, null, "run-1", new ArrayList<>(List.of(operations)));
    }
}
