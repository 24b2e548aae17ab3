package com.contactsync.contacts.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.contacts.contacts.ContactService;
import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.PoisonBatch;
import com.contactsync.testinfra.PoisonRecords;
import com.contactsync.testinfra.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fuzzing the intake on {@code bc.contact.requests.v1} against the real broker and database: whatever is damaged
 * in a request (headers missing, wrong, duplicated or binary; random bytes; cut, mutated or schema-breaking JSON;
 * huge strings) ends in the dead-letter topic with a reason, or is taken if it is still valid; the valid request after
 * it is applied, so the consumer never stalls; and a dead-lettered request changes no contact. jqwik does not run
 * JUnit extensions, so the service is started here.
 */
class IntakeFuzzProperties {

    private static final String FETCH_WAIT = "spring.cloud.stream.kafka.binder.consumer-properties.fetch.max.wait.ms";
    private static final AtomicInteger BATCHES = new AtomicInteger();
    private static RunningContactService service;
    private static TopicReader deadLetters;

    @BeforeContainer
    static void start() {
        // After each dead letter the error handler seeks back, and the fetch in flight waits Kafka's default 500 ms
        // for records that never come: a cost per damaged record that would make up most of this test's time.
        System.setProperty(FETCH_WAIT, "20");
        try {
            service = RunningContactService.start();
        } finally {
            System.clearProperty(FETCH_WAIT);
        }
        deadLetters = TopicReader.fromBeginning(Topics.dlq(service.requestsTopic()));
    }

    @AfterContainer
    static void stop() {
        deadLetters.close();
        service.close();
    }

    @Property(tries = 50)
    void damagedRequestsAreDeadLetteredAndTheNextValidRequestIsApplied(
            @ForAll("damages") List<PoisonRecords.Damage> damages, @ForAll boolean deleteRequest) {
        int batch = BATCHES.incrementAndGet();
        String key = "FUZZ" + batch;
        ProducerRecord<String, byte[]> template = deleteRequest
                ? request(key, EventTypes.CONTACT_DELETE_REQUESTED, "{\"no\":\"" + key + "\",\"expectedVersion\":1}")
                : request(key, EventTypes.CONTACT_UPSERT_REQUESTED, "{\"contact\":{\"no\":\"" + key + "\","
                        + "\"type\":\"PERSON\",\"name\":\"Fuzz Person\",\"email\":\"fuzz@example.com\","
                        + "\"city\":\"Brno\",\"privacyBlocked\":false},\"externalId\":\"fuzz-" + batch + "\"}");
        String sentinelNo = "SENTINEL" + batch;
        ProducerRecord<String, byte[]> sentinel = request(key, EventTypes.CONTACT_UPSERT_REQUESTED,
                "{\"contact\":{\"no\":\"" + sentinelNo + "\",\"type\":\"COMPANY\",\"name\":\"Sentinel\"}}");
        PoisonBatch poisons = new PoisonBatch("contacts-" + batch, template, damages);
        Set<String> before = rows();

        send(poisons.records(sentinel));

        await().atMost(Duration.ofSeconds(60)).until(() -> service.bean(ContactService.class).find(sentinelNo)
                .isPresent());
        List<PoisonRecords.Damage> taken = poisons.awaitDeadLetters(deadLetters);
        Statistics.label("damaged requests taken as valid").collect(taken.size());
        if (taken.isEmpty()) {
            assertThat(rows().stream().filter(row -> !row.contains(sentinelNo)).collect(Collectors.toSet()))
                    .as("only the sentinel changed the contacts").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<PoisonRecords.Damage>> damages() {
        return Combinators.combine(Arbitraries.of(PoisonRecords.Kind.values()),
                        Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 100_000))
                .as(PoisonRecords.Damage::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static ProducerRecord<String, byte[]> request(String key, String type, String json) {
        return CloudEventPublisher.record(service.requestsTopic(),
                CloudEvents.create("urn:test:fuzz", type, key, json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sent one after another by one producer, so they stay in order on their partition. */
    private static void send(List<ProducerRecord<String, byte[]>> records) {
        CloudEventPublisher publisher = service.bean(CloudEventPublisher.class);
        CompletableFuture.allOf(records.stream().map(publisher::send).toArray(CompletableFuture[]::new)).join();
    }

    /** Every row of the contact tables, as text. */
    private static Set<String> rows() {
        return Set.copyOf(service.jdbc().sql("""
                SELECT 'contact ' || c::text FROM contact c
                UNION ALL SELECT 'tombstone ' || t::text FROM contact_tombstone t
                UNION ALL SELECT 'external id ' || e::text FROM contact_external_id e""").query(String.class).list());
    }
}
