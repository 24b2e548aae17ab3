package com.contactsync.contacts.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.contacts.contacts.ContactService;
import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.kit.inbox.EventRefusedException;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka intake on {@code bc.contact.requests.v1}: requests of any producer validated by the contract, applied once
 * per {@code ce_id} with the write, and everything invalid dead-lettered with a reason while the next record goes on.
 */
@RealInfrastructure
class ContactIntakeTest {

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();



    @Test
    void upsertWithoutNoCreatesAContactAndARepeatWithTheSameExternalIdUpdatesIt() {
        send(service, upsert("crm-1", "{\"contact\":{\"type\":\"PERSON\",\"name\":\"Jan Novák\","
                + "\"email\":\"jan.novak@novak-stavby.cz\",\"city\":\"Brno\"},\"externalId\":\"crm-1\"}"));
        ContactSnapshot created = awaitContact(() -> contactOfExternalId("crm-1"), c -> true);
        assertThat(created.no()).matches("CT\\d{6}");
        assertThat(created.city()).isEqualTo("Brno");

        send(service, upsert("crm-1", "{\"contact\":{\"type\":\"PERSON\",\"name\":\"Jan Novák\","
                + "\"email\":\"jan.novak@novak-stavby.cz\",\"city\":\"Praha\"},\"externalId\":\"crm-1\"}"));

        ContactSnapshot updated = awaitContact(() -> contactOfExternalId("crm-1"), c -> c.version() == 2);
        assertThat(updated.no()).isEqualTo(created.no());
        assertThat(updated.city()).isEqualTo("Praha");
        assertThat(service.jdbc().sql("SELECT count(*) FROM contact WHERE name = 'Jan Novák'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void upsertWithNoCreatesThatContactOrReplacesIt() {
        send(service, upsert("KAFKA1", "{\"contact\":{\"no\":\"KAFKA1\",\"type\":\"COMPANY\",\"name\":\"First\"}}"));
        awaitContact(() -> find("KAFKA1"), c -> c.version() == 1);

        send(service, upsert("KAFKA1", "{\"contact\":{\"no\":\"KAFKA1\",\"type\":\"COMPANY\",\"name\":\"Second\"},"
                + "\"expectedVersion\":1}"));

        assertThat(awaitContact(() -> find("KAFKA1"), c -> c.version() == 2).name()).isEqualTo("Second");
    }

    @Test
    void deleteRequestDeletesTheContactAndPublishesItsDeletion() {
        send(service, upsert("KAFKA2", "{\"contact\":{\"no\":\"KAFKA2\",\"type\":\"COMPANY\",\"name\":\"Doomed\"},"
                + "\"externalId\":\"doomed\"}"));
        awaitContact(() -> find("KAFKA2"), c -> true);

        send(service, request("KAFKA2", EventTypes.CONTACT_DELETE_REQUESTED,
                "{\"no\":\"KAFKA2\",\"expectedVersion\":1}"));

        await().atMost(Duration.ofSeconds(60)).until(() -> find("KAFKA2").isEmpty());
        assertThat(contactOfExternalId("doomed")).as("the externalId goes with its contact").isEmpty();
        try (TopicReader reader = TopicReader.fromBeginning(service.eventsTopic())) {
            ConsumerRecord<String, byte[]> deleted = reader.awaitRecords(all -> all.stream().anyMatch(
                            r -> "KAFKA2".equals(r.key()) && EventTypes.CONTACT_DELETED.equals(type(r))),
                    Duration.ofSeconds(60)).stream().filter(r -> EventTypes.CONTACT_DELETED.equals(type(r))
                    && "KAFKA2".equals(r.key())).findFirst().orElseThrow();
            assertThat(EventJson.read(deleted.value(), ContactDeleted.class).version()).isEqualTo(1);
        }
    }

    @Test
    void expectedVersionMismatchIsDeadLetteredAsVersionConflictAndChangesNothing() {
        send(service, upsert("KAFKA3", "{\"contact\":{\"no\":\"KAFKA3\",\"type\":\"COMPANY\",\"name\":\"Guarded\"}}"));
        awaitContact(() -> find("KAFKA3"), c -> true);
        ProducerRecord<String, byte[]> stale = upsert("KAFKA3",
                "{\"contact\":{\"no\":\"KAFKA3\",\"type\":\"COMPANY\",\"name\":\"Lost\"},\"expectedVersion\":5}");

        send(service, stale);
        send(service, upsert("KAFKA3",
                "{\"contact\":{\"no\":\"KAFKA3\",\"type\":\"COMPANY\",\"name\":\"Kept\"},\"expectedVersion\":1}"));

        assertThat(awaitContact(() -> find("KAFKA3"), c -> c.version() == 2).name()).isEqualTo("Kept");
        ConsumerRecord<String, byte[]> dead = deadLetters(service, 1, r -> id(stale).equals(id(r))).get(0);
        assertThat(header(dead, CloudEventHeaders.ERROR_REASON))
                .isEqualTo("version conflict: KAFKA3 is at version 1, expected version 5");
        assertThat(header(dead, CloudEventHeaders.ERROR_CLASS)).isEqualTo(VersionConflictException.class.getName());
    }

    @Test
    void thousandValidRequestsAmongAHundredMalformedOnesWriteEachContactOnceAndDeadLetterEveryMalformedOne()
            throws Exception {
        try (RunningContactService bulk = RunningContactService.start()) {
            send(bulk, upsert("BULKTARGET",
                    "{\"contact\":{\"no\":\"BULKTARGET\",\"type\":\"COMPANY\",\"name\":\"Target\"}}"));
            awaitCounts(bulk, 1, 0, 0);
            List<ProducerRecord<String, byte[]>> valid = new ArrayList<>();
            Map<String, Malformed> malformed = new LinkedHashMap<>();
            List<ProducerRecord<String, byte[]>> sequence = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                ProducerRecord<String, byte[]> request = validRequest(i);
                valid.add(request);
                sequence.add(request);
                if (i % 10 == 5) {
                    Malformed kind = Malformed.values()[malformed.size() % Malformed.values().length];
                    String key = "bad-" + malformed.size();
                    malformed.put(key, kind);
                    sequence.add(kind.record.apply(key));
                }
                if (i % 10 == 9) {
                    // Kafka delivers at least once: the same record, same ce_id, again.
                    sequence.add(valid.get(i - 4));
                }
            }
            assertThat(malformed).hasSize(100);

            send(bulk, sequence.toArray(ProducerRecord[]::new));

            awaitCounts(bulk, 1_001, 100, 100);
            List<Map<String, Object>> written = bulk.jdbc().sql("""
                    SELECT count(*) AS contacts, count(DISTINCT name) AS names, max(version) AS highest
                    FROM contact WHERE name LIKE 'Bulk %'""").query().listOfRows();
            assertThat(written.get(0)).containsEntry("contacts", 1_000L).containsEntry("names", 1_000L)
                    .containsEntry("highest", 1L);
            assertThat(bulk.jdbc().sql("SELECT version FROM contact WHERE no = 'BULKTARGET'").query(Long.class)
                    .single()).as("the conflicting request changed nothing").isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> dead =
                    deadLetters(bulk, 100, r -> r.key() != null && r.key().startsWith("bad-"));
            assertThat(dead).hasSize(100);
            for (ConsumerRecord<String, byte[]> letter : dead) {
                Malformed kind = malformed.get(letter.key());
                assertThat(header(letter, CloudEventHeaders.ERROR_REASON)).as(kind.name()).startsWith(kind.reason);
                assertThat(header(letter, CloudEventHeaders.ERROR_CLASS)).as(kind.name())
                        .isEqualTo(kind.errorClass.getName());
            }
            MeterRegistry registry = bulk.bean(MeterRegistry.class);
            for (Malformed kind : Malformed.values()) {
                long expected = malformed.values().stream()
                        .filter(m -> m.metricReason.equals(kind.metricReason)).count();
                assertThat(registry.get("contactsync.inbound.rejected").tags("consumer", "contact-requests",
                        "reason", kind.metricReason).counter().count()).as(kind.metricReason).isEqualTo(expected);
            }
        }
    }

    @Test
    void theKcatExampleInTheEventCatalogueCreatesAContact() throws Exception {
        Assumptions.assumeTrue(onPath("kcat"), "kcat is not installed");
        Matcher example = Pattern.compile("(?s)```sh\\n(echo '\\{\"contact\".*?)\\n```")
                .matcher(Files.readString(Path.of("..", "docs", "events.md"), StandardCharsets.UTF_8));
        assertThat(example.find()).as("docs/events.md has the kcat example").isTrue();
        String command = example.group(1)
                .replace("-b localhost:9092", "-b " + Infrastructure.get().kafkaBootstrapServers())
                .replace("-t " + Topics.BC_CONTACT_REQUESTS + " ", "-t " + service.requestsTopic() + " ");

        Process kcat = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kcat.exitValue()).as(output).isZero();

        ContactSnapshot created = awaitContact(() -> contactOfExternalId("crm-4711"), c -> true);
        assertThat(created.name()).isEqualTo("Jan Novák");
        assertThat(created.countryRegionCode()).isEqualTo("CZ");
    }

    /** Every kind of invalid request the issue names (and a broken company link), with what its dead letter says. */
    private enum Malformed {
        NOT_JSON("data is not JSON", "not_json", InvalidEventException.class,
                key -> upsertOf(key, "{\"contact\": {", Map.of())),
        EMPTY_VALUE("data is missing: the record value is empty", "not_json", InvalidEventException.class,
                key -> upsertOf(key, "", Map.of())),
        MISSING_ID("header ce_id is missing", "invalid_headers", InvalidEventException.class,
                key -> upsertOf(key, person(key, ""), Map.of(CloudEventHeaders.ID, ""))),
        WRONG_SPECVERSION("ce_specversion must be 1.0 but is '0.3'", "invalid_headers", InvalidEventException.class,
                key -> upsertOf(key, person(key, ""), Map.of(CloudEventHeaders.SPECVERSION, "0.3"))),
        BAD_TIME("ce_time is not an RFC 3339 timestamp: 'yesterday'", "invalid_headers", InvalidEventException.class,
                key -> upsertOf(key, person(key, ""), Map.of(CloudEventHeaders.TIME, "yesterday"))),
        WRONG_CONTENT_TYPE("content-type must be application/json but is 'text/plain'", "invalid_headers",
                InvalidEventException.class,
                key -> upsertOf(key, person(key, ""), Map.of(CloudEventHeaders.CONTENT_TYPE, "text/plain"))),
        UNKNOWN_TYPE("ce_type 'contactsync.contact.merged.v1' is not one contact-requests accepts", "unknown_type",
                InvalidEventException.class,
                key -> raw(key, "contactsync.contact.merged.v1", person(key, ""), Map.of())),
        UNKNOWN_FIELD("$.contact.nmae: is not a known property", "schema_violation", InvalidEventException.class,
                key -> upsertOf(key, person(key, ",\"nmae\":\"Typo\""), Map.of())),
        BAD_EMAIL("$.contact.email: \"not-an-email\" is not a valid email", "schema_violation",
                InvalidEventException.class,
                key -> upsertOf(key, person(key, ",\"email\":\"not-an-email\""), Map.of())),
        OVER_LONG_FIELD("$.contact.city: is 31 characters long, at most 30 allowed", "schema_violation",
                InvalidEventException.class,
                key -> upsertOf(key, person(key, ",\"city\":\"" + "C".repeat(31) + "\""), Map.of())),
        VERSION_CONFLICT("version conflict: BULKTARGET is at version 1, expected version 99", "version_conflict",
                VersionConflictException.class, key -> upsertOf(key, "{\"contact\":{\"no\":\"BULKTARGET\","
                + "\"type\":\"COMPANY\",\"name\":\"Overwritten\"},\"expectedVersion\":99}", Map.of())),
        UNKNOWN_COMPANY("companyNo: NOSUCHCOMPANY is not a contact of type COMPANY", "rule_violation",
                EventRefusedException.class,
                key -> upsertOf(key, person(key, ",\"companyNo\":\"NOSUCHCOMPANY\""), Map.of()));

        final String reason;
        final String metricReason;
        final Class<?> errorClass;
        final Function<String, ProducerRecord<String, byte[]>> record;

        Malformed(String reason, String metricReason, Class<?> errorClass,
                  Function<String, ProducerRecord<String, byte[]>> record) {
            this.reason = reason;
            this.metricReason = metricReason;
            this.errorClass = errorClass;
            this.record = record;
        }

        private static ProducerRecord<String, byte[]> upsertOf(String key, String json, Map<String, String> headers) {
            return raw(key, EventTypes.CONTACT_UPSERT_REQUESTED, json, headers);
        }

        /** A person named after the key, with more fields (JSON members after a comma) or none. */
        private static String person(String key, String moreFields) {
            return "{\"contact\":{\"type\":\"PERSON\",\"name\":\"" + key + "\"" + moreFields + "}}";
        }
    }

    /** A valid request that makes a contact named {@code Bulk <i>}: by externalId, by number, or neither. */
    private static ProducerRecord<String, byte[]> validRequest(int i) {
        String name = "Bulk " + i;
        if (i % 10 == 0) {
            String no = "BULK" + i;
            return upsert(no, "{\"contact\":{\"no\":\"" + no + "\",\"type\":\"PERSON\",\"name\":\"" + name + "\"}}");
        }
        if (i % 10 == 1) {
            return upsert("anonymous-" + i, "{\"contact\":{\"type\":\"PERSON\",\"name\":\"" + name + "\"}}");
        }
        return upsert("bulk-" + i, "{\"contact\":{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"email\":\"bulk" + i
                + "@example.com\"},\"externalId\":\"bulk-" + i + "\"}");
    }

    private static ProducerRecord<String, byte[]> upsert(String key, String json) {
        return request(key, EventTypes.CONTACT_UPSERT_REQUESTED, json);
    }

    private static ProducerRecord<String, byte[]> request(String key, String type, String json) {
        return raw(key, type, json, Map.of());
    }

    /** A CloudEvent record; {@code changed} headers replace the right ones, and an empty value leaves one out. */
    private static ProducerRecord<String, byte[]> raw(String key, String type, String json,
                                                      Map<String, String> changed) {
        CloudEvent<byte[]> event = new CloudEvent<>(UUID.randomUUID().toString(), "urn:test:producer", type,
                Instant.now(), key, json.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>(CloudEvents.headers(event));
        headers.putAll(changed);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(service.requestsTopic(), key, event.data());
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return record;
    }

    @SafeVarargs
    private static void send(RunningContactService target, ProducerRecord<String, byte[]>... records) {
        CloudEventPublisher publisher = target.bean(CloudEventPublisher.class);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            sent.add(publisher.send(new ProducerRecord<>(target.requestsTopic(), null, record.key(), record.value(),
                    record.headers())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** Waits until the intake has taken (applied, skipped as a duplicate, rejected) exactly this many requests. */
    private static void awaitCounts(RunningContactService target, long accepted, long duplicates, long rejected) {
        MeterRegistry registry = target.bean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(count(registry, "contactsync.inbound.accepted")).isEqualTo(accepted);
            assertThat(count(registry, "contactsync.inbound.duplicates")).isEqualTo(duplicates);
            assertThat(count(registry, "contactsync.inbound.rejected")).isEqualTo(rejected);
        });
    }

    private static long count(MeterRegistry registry, String name) {
        return (long) registry.find(name).tag("consumer", "contact-requests").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(RunningContactService target, int count,
                                                                   Predicate<ConsumerRecord<String, byte[]>> which) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.dlq(target.requestsTopic()))) {
            return reader.awaitRecords(all -> all.stream().filter(which).count() >= count, Duration.ofSeconds(60))
                    .stream().filter(which).toList();
        }
    }

    private static ContactSnapshot awaitContact(Callable<Optional<ContactSnapshot>> read,
                                                Predicate<ContactSnapshot> condition) {
        return await().atMost(Duration.ofSeconds(60)).until(read, found -> found.filter(condition).isPresent())
                .orElseThrow();
    }

    private static Optional<ContactSnapshot> find(String no) {
        return service.bean(ContactService.class).find(no);
    }

    private static Optional<ContactSnapshot> contactOfExternalId(String externalId) {
        return service.jdbc().sql("SELECT contact_no FROM contact_external_id WHERE external_id = ?")
                .param(externalId).query(String.class).optional().flatMap(ContactIntakeTest::find);
    }

    private static String id(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.ID);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
