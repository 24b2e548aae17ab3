package com.contactsync.gateway.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.OutlookGatewayApplication;
import com.contactsync.gateway.graph.OutlookTag;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TopicReader;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in its own Spring application, with real Kafka and the graph simulator, driven only by Kafka records. */
@RealInfrastructure
class OutlookCommandsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FOLDER = "Business Central";

    private static RunningSimulator simulator;
    /** The test's own view of Outlook: the official SDK reading the simulator, independent of the gateway's code. */
    private static GraphServiceClient outlook;
    private static ConfigurableApplicationContext gateway;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        Infrastructure infrastructure = Infrastructure.get();
        simulator = RunningSimulator.get();
        outlook = simulator.graph();
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties(null));
        properties.put("contactsync.graph.base-url", simulator.url("/v1.0"));
        properties.put("contactsync.graph.auth.kind", "simulator");
        properties.put("contactsync.graph.auth.token-url", simulator.tokenUrl());
        properties.put("contactsync.graph.auth.client-id", RunningSimulator.CLIENT_ID);
        properties.put("contactsync.graph.auth.client-secret", RunningSimulator.CLIENT_SECRET);
        properties.put("server.port", 0);
        gateway = OutlookGatewayApplication.application().run(SpringArgs.of(properties));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void stop() {
        producer.close();
        gateway.close();
    }

    @Test
    void upsertCreatesTheTaggedContactWithMappedFieldsInBusinessCentralFolderAndReportsIt() throws Exception {
        String mailbox = simulator.newMailbox();
        OutlookContact ada = contact("Ada", "Lovelace");

        WriteOutlookContacts command = command(mailbox, new Operation(Action.UPSERT, "CT000001", null, ada));
        send(command);

        Contact written = await().atMost(PATIENCE).until(() -> taggedContact(mailbox, "CT000001"), Optional::isPresent).get();
        assertThat(written.getDisplayName()).isEqualTo(ada.displayName());
        assertThat(written.getGivenName()).isEqualTo(ada.givenName());
        assertThat(written.getMiddleName()).isEqualTo(ada.middleName());
        assertThat(written.getSurname()).isEqualTo(ada.surname());
        assertThat(written.getInitials()).isEqualTo(ada.initials());
        assertThat(written.getEmailAddresses()).extracting(EmailAddress::getName, EmailAddress::getAddress)
                .containsExactly(tuple("Ada Lovelace", "ada@example.com"),
                        tuple("Ada Lovelace", "ada@home.example"));
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

        try (TopicReader events = TopicReader.fromBeginning(Topics.OUTLOOK_EVENTS)) {
            ConsumerRecord<String, byte[]> record = awaitEvent(events, mailbox, EventTypes.OUTLOOK_CONTACTS_WRITTEN);
            OutlookContactsWritten outcome = EventJson.read(record.value(), OutlookContactsWritten.class);
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo(WriteContacts.SOURCE);
            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(outcome.commandId()).isEqualTo(command.commandId());
            assertThat(outcome.folderId()).isEqualTo(written.getParentFolderId());
            assertThat(outcome.results()).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(OutlookContactsWritten.Status.DONE);
                assertThat(result.contactNo()).isEqualTo("CT000001");
                assertThat(result.outlookId()).isEqualTo(written.getId());
                assertThat(result.changeKey()).isEqualTo(written.getChangeKey());
            });
        }
    }

    @Test
    void commandsForOneMailboxReuseItsFolder() {
        String mailbox = simulator.newMailbox();

        send(command(mailbox, new Operation(Action.UPSERT, "CT000010", null, contact("Alan", "Turing"))));
        send(command(mailbox, new Operation(Action.UPSERT, "CT000011", null, contact("Grace", "Hopper"))));

        await().atMost(PATIENCE).until(() -> taggedContact(mailbox, "CT000011").isPresent() && taggedContact(mailbox, "CT000010").isPresent());
        List<ContactFolder> folders = outlook.users().byUserId(mailbox).contactFolders().get().getValue();
        assertThat(folders).extracting(ContactFolder::getDisplayName).containsExactly(FOLDER);
    }

    @Test
    void malformedCommandsGoToTheDeadLetterTopicWithAReasonAndTheNextCommandStillWorks() {
        String mailbox = simulator.newMailbox();
        WriteOutlookContacts valid = command(mailbox, new Operation(Action.UPSERT, "CT000020", null, contact("Edsger", "Dijkstra")));
        String notJsonKey = "not-json-" + UUID.randomUUID();
        String noHeadersKey = "no-headers-" + UUID.randomUUID();
        CloudEvent<byte[]> notJson = new CloudEvent<>(UUID.randomUUID().toString(), "/test", EventTypes.OUTLOOK_WRITE_CONTACTS,
                Instant.now(), notJsonKey, "this is not JSON".getBytes(StandardCharsets.UTF_8));

        producer.send(CloudEventPublisher.record(Topics.OUTLOOK_COMMANDS, notJson));
        producer.send(new ProducerRecord<>(Topics.OUTLOOK_COMMANDS, noHeadersKey, EventJson.write(valid)));
        send(valid);

        try (TopicReader dlq = TopicReader.fromBeginning(Topics.dlq(Topics.OUTLOOK_COMMANDS))) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.awaitRecords(records -> records.stream()
                    .filter(r -> r.key().equals(notJsonKey) || r.key().equals(noHeadersKey)).count() == 2, PATIENCE);
            ConsumerRecord<String, byte[]> unreadable = find(dead, notJsonKey);
            ConsumerRecord<String, byte[]> headerless = find(dead, noHeadersKey);
            assertThat(TopicReader.header(unreadable, CloudEventHeaders.ERROR_REASON)).contains("not a valid WriteOutlookContacts");
            assertThat(TopicReader.header(unreadable, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.OUTLOOK_WRITE_CONTACTS);
            assertThat(TopicReader.header(headerless, CloudEventHeaders.ERROR_REASON)).contains("ce_specversion is missing");
            assertThat(TopicReader.header(headerless, CloudEventHeaders.ERROR_CLASS)).endsWith("InvalidEventException");
        }
        await().atMost(PATIENCE).until(() -> taggedContact(mailbox, "CT000020"), Optional::isPresent);
    }

    @Test
    void commandForAMailboxGraphDoesNotKnowReportsCommandFailedNotRetryable() {
        String unknown = "nobody-" + UUID.randomUUID() + "@contoso.test";
        WriteOutlookContacts command = command(unknown, new Operation(Action.UPSERT, "CT000030", null, contact("No", "Body")));

        send(command);

        try (TopicReader events = TopicReader.fromBeginning(Topics.OUTLOOK_EVENTS)) {
            CommandFailed failed = EventJson.read(awaitEvent(events, unknown, EventTypes.OUTLOOK_COMMAND_FAILED).value(), CommandFailed.class);
            assertThat(failed.commandId()).isEqualTo(command.commandId());
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("404").contains("ErrorInvalidUser");
        }
    }

    @Test
    void servesHealthProbesPrometheusAndOpenApi() {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus", "/v3/api-docs")) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    private void send(WriteOutlookContacts command) {
        producer.send(CloudEventPublisher.record(Topics.OUTLOOK_COMMANDS, new CloudEvent<>(UUID.randomUUID().toString(), "/test",
                EventTypes.OUTLOOK_WRITE_CONTACTS, Instant.now(), command.mailbox(), EventJson.write(command))));
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(TopicReader events, String mailbox, String type) {
        List<ConsumerRecord<String, byte[]>> records = events.awaitRecords(all -> all.stream().anyMatch(r -> isEvent(r, mailbox, type)), PATIENCE);
        return records.stream().filter(r -> isEvent(r, mailbox, type)).findFirst().orElseThrow();
    }

    private static boolean isEvent(ConsumerRecord<String, byte[]> record, String mailbox, String type) {
        return mailbox.equals(record.key()) && type.equals(TopicReader.header(record, CloudEventHeaders.TYPE));
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    /** The contact tagged with {@code contactNo} in the mailbox's Business Central folder, read as Outlook would. */
    private static Optional<Contact> taggedContact(String mailbox, String contactNo) {
        var user = outlook.users().byUserId(mailbox);
        List<ContactFolder> folders = user.contactFolders()
                .get(request -> request.queryParameters.filter = "displayName eq '" + FOLDER + "'").getValue();
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        List<Contact> found = user.contactFolders().byContactFolderId(folders.get(0).getId()).contacts().get(request -> {
            request.queryParameters.filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + OutlookTag.BC_CONTACT_NO
                    + "' and ep/value eq '" + contactNo + "')";
            request.queryParameters.expand = new String[] {"singleValueExtendedProperties($filter=id eq '" + OutlookTag.BC_CONTACT_NO + "')"};
        }).getValue();
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        found.forEach(c -> assertThat(c.getSingleValueExtendedProperties())
                .extracting(SingleValueLegacyExtendedProperty::getValue).containsExactly(contactNo));
        return found.stream().findFirst();
    }

    private static WriteOutlookContacts command(String mailbox, Operation... operations) {
        return new WriteOutlookContacts(UUID.randomUUID().toString(), "user-1", mailbox, FOLDER, null, "run-1", List.of(operations));
    }

    private static OutlookContact contact(String givenName, String surname) {
        String name = givenName + " " + surname;
        return new OutlookContact(name, givenName, "M.", surname, givenName.substring(0, 1) + surname.substring(0, 1),
                List.of(new OutlookContact.EmailAddress(name, givenName.toLowerCase() + "@example.com"),
                        new OutlookContact.EmailAddress(name, givenName.toLowerCase() + "@home.example")),
                "Analytical Engines Ltd", "Programmer", List.of("+44 20 1234 5678"), "+44 7700 900123",
                new OutlookContact.PhysicalAddress("12 St James's Square\nFirst floor", "London", "Greater London", "SW1Y 4JH", "GB"),
                "https://engines.example");
    }
}
