package com.contactsync.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.kit.inbox.EventRefusedException;
import com.contactsync.kit.inbox.Inbox;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.kit.outbox.Outbox;
import com.contactsync.kit.outbox.OutboxRelay;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The kit's guarantees on a real PostgreSQL and a real Kafka broker. */
@RealInfrastructure
class KitScenarioTest {

    private static ConfigurableApplicationContext context;
    private static Outbox outbox;
    private static OutboxRelay relay;
    private static Inbox inbox;
    private static TransactionTemplate transactions;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("kit")));
        properties.put("server.port", 0);
        context = new SpringApplicationBuilder(KitTestApplication.class)
                .properties("spring.config.name=kit-test")
                .run(SpringArgs.of(properties));
        outbox = context.getBean(Outbox.class);
        relay = context.getBean(OutboxRelay.class);
        inbox = context.getBean(Inbox.class);
        transactions = context.getBean(TransactionTemplate.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void outboxPublishesEveryCommittedEventWithCloudEventsHeadersInOrderPerKey() {
        String topic = "kit.order." + UUID.randomUUID();
        List<CloudEvent<Map<String, Object>>> written = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CloudEvent<Map<String, Object>> event = CloudEvents.create("/kit-test", "kit.sequenced.v1",
                    "key-" + (i % 7), Map.of("seq", i));
            written.add(event);
            transactions.executeWithoutResult(status -> outbox.append(topic, event));
        }

        List<ConsumerRecord<String, byte[]>> received = consume(topic, 300);

        assertThat(received).extracting(r -> header(r, CloudEventHeaders.ID))
                .containsExactlyInAnyOrderElementsOf(written.stream().map(CloudEvent::id).toList());
        Map<String, List<Integer>> seqByKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : received) {
            assertThat(header(record, CloudEventHeaders.SPECVERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("kit.sequenced.v1");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/kit-test");
            assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
            String json = new String(record.value(), StandardCharsets.UTF_8);
            int seq = Integer.parseInt(json.replaceAll("\\D", ""));
            seqByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(seq);
        }
        seqByKey.values().forEach(seqs -> assertThat(seqs).isSorted());
        await().until(() -> jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single() == 0);
    }

    @Test
    void rolledBackWriteNeverPublishesItsEvent() {
        String topic = "kit.rollback." + UUID.randomUUID();
        CloudEvent<String> rolledBack = CloudEvents.create("/kit-test", "kit.t.v1", "k", "rolled back");
        CloudEvent<String> committed = CloudEvents.create("/kit-test", "kit.t.v1", "k", "committed");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(topic, rolledBack);
            throw new IllegalStateException("the write fails");
        })).hasMessage("the write fails");
        transactions.executeWithoutResult(status -> outbox.append(topic, committed));

        // Same key, written after: once it has arrived, anything before it would have too.
        List<ConsumerRecord<String, byte[]>> received = consume(topic, 1);
        assertThat(received).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(committed.id());
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append("kit.none", CloudEvents.create("/kit-test", "kit.t.v1", "k", "x")))
                .hasMessageContaining("transaction");
    }

    @Test
    void relayStoppedMidStreamDeliversEveryEventInOrderAfterRestart() {
        String topic = "kit.restart." + UUID.randomUUID();
        for (int i = 0; i < 500; i++) {
            CloudEvent<Integer> event = CloudEvents.create("/kit-test", "kit.t.v1", "k" + (i % 3), i);
            transactions.executeWithoutResult(status -> outbox.append(topic, event));
            if (i == 200) {
                relay.stop();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).isPositive();
        relay.start();

        List<ConsumerRecord<String, byte[]>> received;
        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            received = reader.awaitRecords(all -> all.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).distinct().count() == 500,
                    Duration.ofSeconds(60));
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        received.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8))));
        assertThat(byKey.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(500);
        // At least once: a round cut short by the stop may be sent again, but never out of order.
        byKey.values().forEach(seqs -> assertThat(seqs.stream().distinct().toList()).isSorted());
    }

    @Test
    void everySystemTopicAndItsDeadLetterTwinExistWithTheConfiguredPartitionsAndContactEventsCompacted()
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            assertThat(admin.describeTopics(Topics.ALL.stream().map(Topics::dlq).toList()).allTopicNames().get()
                    .values()).hasSize(Topics.ALL.size()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BC_CONTACT_EVENTS);
            assertThat(admin.describeConfigs(List.of(events)).all().get().get(events)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void inboxAppliesAnEventOnceHoweverOftenItIsDelivered() {
        String eventId = UUID.randomUUID().toString();
        List<String> effects = new ArrayList<>();
        for (int delivery = 0; delivery < 3; delivery++) {
            inbox.once("kit-test", eventId, () -> effects.add(eventId));
        }
        assertThat(effects).containsExactly(eventId);
        assertThat(inbox.once("another-consumer", eventId, () -> effects.add("other"))).isTrue();
    }

    @Test
    void inboxForgetsTheDeliveryWhenTheEffectFails() {
        String eventId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> inbox.once("kit-test", eventId, () -> {
            throw new IllegalStateException("effect failed");
        })).hasMessage("effect failed");
        assertThat(inbox.once("kit-test", eventId, () -> { })).isTrue();
    }

    @Test
    void invalidEventIsDeadLetteredWithAReasonAndTheNextOneIsProcessed() {
        CloudEventPublisher publisher = context.getBean(CloudEventPublisher.class);
        ProducerRecord<String, byte[]> noHeaders = new ProducerRecord<>("kit.probe.v1", "k",
                "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8));
        publisher.send(noHeaders).join();
        publisher.publish("kit.probe.v1", CloudEvents.create("/kit-test", "kit.unknown.v1", "k", "unknown type"));
        publisher.publish("kit.probe.v1", CloudEvents.create("/kit-test", KitTestApplication.PROBE_TYPE, "k", "fine"));

        await().atMost(Duration.ofSeconds(60)).until(() -> KitTestApplication.applied.contains("fine"));
        List<ConsumerRecord<String, byte[]>> dead = consume("kit.probe.v1.dlq", 2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"an event\"}");
        assertThat(header(dead.get(0), CloudEventHeaders.ERROR_REASON)).isEqualTo("header ce_specversion is missing");
        assertThat(header(dead.get(0), CloudEventHeaders.ERROR_CLASS))
                .isEqualTo("com.contactsync.contracts.cloudevents.InvalidEventException");
        assertThat(header(dead.get(1), CloudEventHeaders.ERROR_REASON))
                .startsWith("ce_type 'kit.unknown.v1' is not one probe accepts");
        assertThat(header(dead.get(1), CloudEventHeaders.TYPE)).isEqualTo("kit.unknown.v1");
        assertThat(KitTestApplication.applied).doesNotContain("unknown type");
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        for (String reason : List.of("invalid_headers", "unknown_type")) {
            assertThat(registry.get("contactsync.inbound.rejected").tags("consumer", "probe", "reason", reason)
                    .counter().count()).as(reason).isEqualTo(1);
        }
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        CloudEventPublisher publisher = context.getBean(CloudEventPublisher.class);
        CloudEvent<String> event = CloudEvents.create("/kit-test", KitTestApplication.PROBE_TYPE, "k", "once");
        publisher.publish("kit.probe.v1", event);
        publisher.publish("kit.probe.v1", event);
        publisher.publish("kit.probe.v1", CloudEvents.create("/kit-test", KitTestApplication.PROBE_TYPE, "k", "after"));

        // Same partition, published later: once it is applied, both copies of the first have been seen.
        await().atMost(Duration.ofSeconds(60)).until(() -> KitTestApplication.applied.contains("after"));
        assertThat(KitTestApplication.applied).containsOnlyOnce("once");
    }

    @Test
    void validatedConsumerDeadLettersWhatTheContractRefusesAndCountsEachReason() {
        CloudEventPublisher publisher = context.getBean(CloudEventPublisher.class);
        CloudEvent<byte[]> first = deleteRequest("{\"no\":\"CT1\"}");
        publisher.send(CloudEventPublisher.record("kit.validated.v1", first)).join();
        publisher.send(CloudEventPublisher.record("kit.validated.v1", first)).join();
        publisher.send(CloudEventPublisher.record("kit.validated.v1", deleteRequest("{\"no\":\"ct2\"}"))).join();
        publisher.send(CloudEventPublisher.record("kit.validated.v1", deleteRequest("{\"no\":"))).join();
        publisher.send(CloudEventPublisher.record("kit.validated.v1",
                deleteRequest("{\"no\":\"CT4\",\"expectedVersion\":" + KitTestApplication.REFUSED_VERSION + "}"))).join();
        publisher.send(CloudEventPublisher.record("kit.validated.v1", deleteRequest("{\"no\":\"CT5\"}"))).join();

        await().atMost(Duration.ofSeconds(60)).until(() -> KitTestApplication.validatedApplied.contains("CT5"));
        assertThat(KitTestApplication.validatedApplied).containsExactly("CT1", "CT5");
        List<ConsumerRecord<String, byte[]>> dead = consume("kit.validated.v1.dlq", 3);
        assertThat(header(dead.get(0), CloudEventHeaders.ERROR_REASON))
                .isEqualTo("$.no: must be upper case without leading or trailing spaces (a Business Central code)");
        assertThat(header(dead.get(1), CloudEventHeaders.ERROR_REASON)).startsWith("data is not JSON");
        assertThat(header(dead.get(2), CloudEventHeaders.ERROR_REASON)).isEqualTo("version 13 is refused");
        assertThat(header(dead.get(2), CloudEventHeaders.ERROR_CLASS)).isEqualTo(EventRefusedException.class.getName());
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        assertThat(registry.get("contactsync.inbound.accepted").tag("consumer", "validated").counter().count()).isEqualTo(2);
        assertThat(registry.get("contactsync.inbound.duplicates").tag("consumer", "validated").counter().count()).isEqualTo(1);
        for (String reason : List.of("schema_violation", "not_json", "unlucky_version")) {
            assertThat(registry.get("contactsync.inbound.rejected").tags("consumer", "validated", "reason", reason)
                    .counter().count()).as(reason).isEqualTo(1);
        }
    }

    @Test
    void problemCarriesTheFieldTheRuleAndExtraMembers() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestClients.admin("http://127.0.0.1:" + port).build()
                .get().uri("/problem").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("filter: unterminated quote")
                .jsonPath("$.errors[0].field").isEqualTo("filter")
                .jsonPath("$.errors[0].rule").isEqualTo("syntax")
                .jsonPath("$.position").isEqualTo(7);
    }

    private static CloudEvent<byte[]> deleteRequest(String json) {
        return new CloudEvent<>(UUID.randomUUID().toString(), "/kit-test", EventTypes.CONTACT_DELETE_REQUESTED,
                Instant.now(), "k", json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            return reader.awaitCount(count, Duration.ofSeconds(60));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicReader.header(record, name);
    }
}
