package com.contactsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.PoisonBatch;
import com.contactsync.testinfra.PoisonRecords;
import com.contactsync.testinfra.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fuzzing the orchestrator's three Kafka intakes ({@code bc.contact.events.v1}, {@code sync.triggers.v1},
 * {@code outlook.events.v1}) against the real broker and database: each damaged event (headers missing, wrong,
 * duplicated or binary; random bytes; cut, mutated or schema-breaking JSON; huge strings) ends in its topic's
 * dead-letter twin with a reason, or is taken if it is still valid; the valid event after it is applied, so the
 * consumer never stalls; and a dead-lettered event changes nothing. The topics are the service's own, named apart,
 * so that no other test's events reach it. jqwik does not run JUnit extensions, so the service is started here.
 */
class IntakeFuzzProperties {

    /**
     * Each intake with its binding and a valid event, its data naming {@code n} (a contact number or a user id).
     * Only a contact event changes data when taken: a trigger for a user or an answer to a command the orchestrator
     * does not know, however damaged and still valid, changes nothing.
     */
    enum Intake {
        CONTACT_EVENTS("contactEvents", Topics.BC_CONTACT_EVENTS, EventTypes.CONTACT_UPSERTED, n -> "{\"no\":\""
                + n + "\",\"type\":\"PERSON\",\"name\":\"Fuzz Person\",\"email\":\"fuzz@example.com\",\"city\":"
                + "\"Brno\",\"privacyBlocked\":false,\"lastModifiedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}"),
        SYNC_TRIGGERS("syncTriggers", Topics.SYNC_TRIGGERS, EventTypes.SYNC_REQUESTED, n -> "{\"userId\":\"fuzz-"
                + n + "\",\"mode\":\"FULL\",\"reason\":\"fuzz\",\"scheduleId\":null,\"runId\":null}"),
        OUTLOOK_EVENTS("outlookEvents", Topics.OUTLOOK_EVENTS, EventTypes.OUTLOOK_COMMAND_FAILED, n ->
                "{\"commandId\":\"command-" + n + "\",\"userId\":\"fuzz-" + n + "\",\"mailbox\":\"fuzz@example.com\","
                        + "\"runId\":null,\"reason\":\"Graph said no\",\"retryable\":false,\"retryNotBefore\":null}");

        final String binding;
        final String contractTopic;
        final String type;
        final UnaryOperator<String> data;

        Intake(String binding, String contractTopic, String type, UnaryOperator<String> data) {
            this.binding = binding;
            this.contractTopic = contractTopic;
            this.type = type;
            this.data = data;
        }
    }

    private static final String FETCH_WAIT = "spring.cloud.stream.kafka.binder.consumer-properties.fetch.max.wait.ms";
    private static final AtomicInteger BATCHES = new AtomicInteger();
    private static final Map<Intake, String> TOPICS = new EnumMap<>(Intake.class);
    private static final Map<Intake, TopicReader> DEAD_LETTERS = new EnumMap<>(Intake.class);
    private static ConfigurableApplicationContext context;

    @BeforeContainer
    static void start() {
        Map<String, Object> settings = new HashMap<>();
        // After each dead letter the error handler seeks back, and the fetch in flight waits Kafka's default 500 ms
        // for records that never come: a cost per damaged record that would make up most of this test's time.
        settings.put(FETCH_WAIT, 20);
        String suffix = ".fuzz-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(), 10);
        for (Intake intake : Intake.values()) {
            TOPICS.put(intake, intake.contractTopic + suffix);
            settings.put("spring.cloud.stream.bindings." + intake.binding + "-in-0.destination", TOPICS.get(intake));
            DEAD_LETTERS.put(intake, TopicReader.fromBeginning(Topics.dlq(TOPICS.get(intake))));
        }
        context = RunningOrchestrator.start(settings);
    }

    @AfterContainer
    static void stop() {
        DEAD_LETTERS.values().forEach(TopicReader::close);
        context.close();
    }

    @Property(tries = 50)
    void damagedEventsAreDeadLetteredAndTheNextValidEventIsApplied(@ForAll Intake intake,
            @ForAll("damages") List<PoisonRecords.Damage> damages) {
        int batch = BATCHES.incrementAndGet();
        String key = "FUZZ" + batch;
        CloudEvent<byte[]> sentinel = event(intake, key, "SENTINEL" + batch);
        PoisonBatch poisons = new PoisonBatch(intake + "-" + batch, record(intake, event(intake, key, key)),
                damages);
        Set<String> before = rows();

        send(poisons.records(record(intake, sentinel)));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql(
                "SELECT count(*) FROM inbox_event WHERE event_id = ?").param(sentinel.id()).query(Long.class)
                .single() == 1);
        List<PoisonRecords.Damage> taken = poisons.awaitDeadLetters(DEAD_LETTERS.get(intake));
        Statistics.label("damaged events taken as valid").collect(taken.size());
        if (taken.isEmpty() || intake != Intake.CONTACT_EVENTS) {
            assertThat(rows().stream().filter(row -> !row.contains("SENTINEL" + batch)).collect(Collectors.toSet()))
                    .as("only the sentinel changed the orchestrator's data").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<PoisonRecords.Damage>> damages() {
        return Combinators.combine(Arbitraries.of(PoisonRecords.Kind.values()),
                        Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 100_000))
                .as(PoisonRecords.Damage::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static CloudEvent<byte[]> event(Intake intake, String key, String name) {
        return CloudEvents.create("urn:test:fuzz", intake.type, key,
                intake.data.apply(name).getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> record(Intake intake, CloudEvent<byte[]> event) {
        return CloudEventPublisher.record(TOPICS.get(intake), event);
    }

    /** Sent one after another by one producer, so they stay in order on their partition. */
    private static void send(List<ProducerRecord<String, byte[]>> records) {
        CloudEventPublisher publisher = context.getBean(CloudEventPublisher.class);
        CompletableFuture.allOf(records.stream().map(publisher::send).toArray(CompletableFuture[]::new)).join();
    }

    private static JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** Every row of the orchestrator's own tables, as text. */
    private static Set<String> rows() {
        return Set.copyOf(jdbc().sql("""
                SELECT 'user ' || t::text FROM app_user t
                UNION ALL SELECT 'setup ' || t::text FROM sync_setup t
                UNION ALL SELECT 'replica ' || t::text FROM contact_replica t
                UNION ALL SELECT 'link ' || t::text FROM link t
                UNION ALL SELECT 'item ' || t::text FROM outlook_item t
                UNION ALL SELECT 'run ' || t::text FROM sync_run t
                UNION ALL SELECT 'command ' || t::text FROM outlook_command t""").query(String.class).list());
    }
}
