package com.contactsync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.sandbox.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Four kinds of poison on every topic a service consumes, each followed on the same partition by a valid event:
 * every poison record lands on {@code <topic>.dlq} with {@code x-error-reason} and {@code x-error-class}, the valid
 * one does not, and the consumer group's offset moves past it (the partition is not stalled).
 */
class PoisonMessageIT {

    private static final String CASE = "fault-test-case";
    private static final String BATCH = "fault-test-batch";
    private static final List<String> POISONS = List.of("not-json", "missing-ce-headers", "unknown-type",
            "schema-violation");

    private static RunningSystem system;
    private static Events events;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        events = system.events();
        // A small sync first, so that every topic carries real events of the system to send again as valid ones
        scenario = Scenario.create(system, "poison", 5);
        scenario.awaitConvergence();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bc.contact.requests.v1, contact-service",
            "bc.contact.events.v1, sync-orchestrator",
            "sync.triggers.v1, sync-orchestrator",
            "outlook.commands.v1, outlook-gateway",
            "outlook.events.v1, sync-orchestrator"})
    void poisonMessagesAreDeadLetteredWithReasonsAndTheNextValidEventIsProcessed(String topic, String group) {
        Valid valid = valid(topic);
        String batch = UUID.randomUUID().toString();
        RecordMetadata first = null;
        for (String poison : POISONS) {
            Map<String, String> headers = switch (poison) {
                case "missing-ce-headers" -> new LinkedHashMap<>(Map.of("content-type", "application/json"));
                case "unknown-type" -> Events.ceHeaders("contactsync.contact.merged.v1");
                default -> Events.ceHeaders(valid.type());
            };
            byte[] value = switch (poison) {
                case "not-json" -> "this is not JSON {".getBytes(StandardCharsets.UTF_8);
                case "schema-violation" -> "{}".getBytes(StandardCharsets.UTF_8);
                default -> valid.value();
            };
            headers.put(CASE, poison);
            headers.put(BATCH, batch);
            RecordMetadata sent = events.send(topic, null, valid.key(), value, headers);
            first = first == null ? sent : first;
        }
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        headers.put(CASE, "valid");
        headers.put(BATCH, batch);
        RecordMetadata after = events.send(topic, first.partition(), valid.key(), valid.value(), headers);
        assertThat(after.partition()).isEqualTo(first.partition());

        String dlq = topic + ".dlq";
        await("dead letters of " + topic).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(deadLetters(dlq, batch)).extracting(r -> Events.header(r, CASE))
                        .as("cases dead-lettered on %s", dlq).containsExactlyInAnyOrderElementsOf(POISONS));
        deadLetters(dlq, batch).forEach(r -> {
            assertThat(Events.header(r, "x-error-reason")).as("reason of %s", Events.header(r, CASE)).isNotBlank();
            assertThat(Events.header(r, "x-error-class")).as("class of %s", Events.header(r, CASE)).isNotBlank();
        });
        TopicPartition partition = new TopicPartition(topic, after.partition());
        await("offset of " + group + " past the valid event on " + partition).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> events.committed(group, partition) > after.offset());
        assertThat(deadLetters(dlq, batch)).extracting(r -> Events.header(r, CASE))
                .as("the valid event is not dead-lettered").doesNotContain("valid");
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String dlq, String batch) {
        return events.readAll(dlq).stream().filter(r -> batch.equals(Events.header(r, BATCH))).toList();
    }

    private record Valid(String key, String type, byte[] value, Map<String, String> headers) {
    }

    /**
     * A request and a trigger are made here; on the other topics the last real event is sent again as it was (same
     * {@code ce_id}): a redelivery, which every consumer must take in its stride (S13).
     */
    private static Valid valid(String topic) {
        return switch (topic) {
            case Events.CONTACT_REQUESTS -> made("poison-valid", Events.UPSERT_REQUESTED, Map.of(
                    "contact", Map.of("type", "PERSON", "name", "Poison Valid", "email",
                            "poison.valid." + UUID.randomUUID() + "@faults.example"),
                    "externalId", "poison-valid-" + UUID.randomUUID()));
            case "sync.triggers.v1" -> made(scenario.user(1), "contactsync.sync.requested.v1", Map.of(
                    "userId", scenario.user(1), "mode", "INCREMENTAL", "reason", "fault test"));
            default -> {
                List<ConsumerRecord<String, byte[]>> records = events.readAll(topic);
                assertThat(records).as("events on %s", topic).isNotEmpty();
                ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
                Map<String, String> headers = new LinkedHashMap<>();
                last.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                yield new Valid(last.key(), headers.get("ce_type"), last.value(), headers);
            }
        };
    }

    private static Valid made(String key, String type, Map<String, Object> data) {
        return new Valid(key, type, Api.JSON.writeValueAsBytes(data), Events.ceHeaders(type));
    }
}
