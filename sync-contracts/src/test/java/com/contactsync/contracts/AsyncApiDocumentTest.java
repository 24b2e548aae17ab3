package com.contactsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.schema.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code asyncapi.yaml} against the code: every topic, its dead-letter twin, every type, and every reference. */
class AsyncApiDocumentTest {

    private static final String UNREADABLE = "unreadable";

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asString()).isNotBlank();
        assertThat(doc.path("info").path("version").asString()).isNotBlank();
    }

    @Test
    void channelsAreEveryTopicAndItsDeadLetterTwin() {
        Set<String> expected = Topics.ALL.stream().flatMap(topic -> Stream.of(topic, Topics.dlq(topic))).collect(Collectors.toSet());

        assertThat(doc.path("channels").values().stream().map(channel -> channel.path("address").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyTypeIsAMessageOfTheTopicDesignMdNames() {
        Map<String, Set<String>> typesByTopic = new TreeMap<>();
        for (JsonNode channel : doc.path("channels").values()) {
            for (JsonNode message : channel.path("messages").values()) {
                String name = resolve(message.path("$ref").asString()).path("name").asString();
                if (!name.equals(UNREADABLE)) {
                    typesByTopic.computeIfAbsent(channel.path("address").asString(), a -> new TreeSet<>()).add(name);
                }
            }
        }

        assertThat(typesByTopic).isEqualTo(Map.of(
                Topics.BC_CONTACT_EVENTS, Set.of(EventTypes.CONTACT_UPSERTED, EventTypes.CONTACT_DELETED),
                Topics.dlq(Topics.BC_CONTACT_EVENTS), Set.of(EventTypes.CONTACT_UPSERTED, EventTypes.CONTACT_DELETED),
                Topics.BC_CONTACT_REQUESTS, Set.of(EventTypes.CONTACT_UPSERT_REQUESTED, EventTypes.CONTACT_DELETE_REQUESTED),
                Topics.dlq(Topics.BC_CONTACT_REQUESTS), Set.of(EventTypes.CONTACT_UPSERT_REQUESTED, EventTypes.CONTACT_DELETE_REQUESTED),
                Topics.SYNC_TRIGGERS, Set.of(EventTypes.SYNC_REQUESTED),
                Topics.dlq(Topics.SYNC_TRIGGERS), Set.of(EventTypes.SYNC_REQUESTED),
                Topics.OUTLOOK_COMMANDS, Set.of(EventTypes.OUTLOOK_WRITE_CONTACTS, EventTypes.OUTLOOK_READ_CHANGES),
                Topics.dlq(Topics.OUTLOOK_COMMANDS), Set.of(EventTypes.OUTLOOK_WRITE_CONTACTS, EventTypes.OUTLOOK_READ_CHANGES),
                Topics.OUTLOOK_EVENTS, Set.of(EventTypes.OUTLOOK_CONTACTS_WRITTEN, EventTypes.OUTLOOK_CHANGES_READ,
                        EventTypes.OUTLOOK_COMMAND_FAILED),
                Topics.dlq(Topics.OUTLOOK_EVENTS), Set.of(EventTypes.OUTLOOK_CONTACTS_WRITTEN, EventTypes.OUTLOOK_CHANGES_READ,
                        EventTypes.OUTLOOK_COMMAND_FAILED)));
    }

    @Test
    void deadLetterChannelsAlsoHoldUnreadableRecords() {
        for (JsonNode channel : doc.path("channels").values()) {
            Set<String> names = channel.path("messages").values().stream()
                    .map(message -> resolve(message.path("$ref").asString()).path("name").asString()).collect(Collectors.toSet());
            assertThat(names.contains(UNREADABLE)).as(channel.path("address").asString())
                    .isEqualTo(channel.path("address").asString().endsWith(".dlq"));
        }
    }

    @Test
    void everyTypedMessageHasCloudEventHeadersItsSchemaAndAKey() {
        Set<String> payloadTypes = new HashSet<>();
        doc.path("components").path("messages").properties().forEach(entry -> {
            JsonNode message = entry.getValue();
            if (!message.has("payload") || !message.path("payload").has("schema")) {
                return;
            }
            String ceType = message.path("name").asString();
            JsonNode headers = message.path("headers").path("allOf");
            assertThat(headers.get(headers.size() - 1).at("/properties/ce_type/const").asString()).isEqualTo(ceType);
            assertThat(message.path("payload").at("/schema/$ref").asString()).as(entry.getKey())
                    .isEqualTo("./" + ContractSchemas.resource(ceType));
            assertThat(getClass().getClassLoader().getResource(ContractSchemas.resource(ceType))).as(ceType).isNotNull();
            assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/cloudEventHeaders");
            assertThat(resolve(message.path("bindings").path("$ref").asString()).at("/kafka/key/description").asString())
                    .as(entry.getKey()).isNotBlank();
            payloadTypes.add(ceType);
        });

        assertThat(payloadTypes).containsExactlyInAnyOrderElementsOf(EventTypes.DATA_TYPES.keySet());
    }

    @Test
    void headersAreTheCloudEventsBinaryModeOnesAndDeadLettersAddTheErrorHeaders() {
        JsonNode schemas = doc.path("components").path("schemas");

        assertThat(schemas.path("cloudEventHeaders").path("properties").propertyNames())
                .containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type");
        assertThat(schemas.path("deadLetterHeaders").path("required").values().stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("x-error-reason", "x-error-class");
        for (JsonNode channel : doc.path("channels").values()) {
            boolean deadLetters = channel.path("address").asString().endsWith(".dlq");
            for (JsonNode message : channel.path("messages").values()) {
                String headers = resolve(message.path("$ref").asString()).path("headers").toString();
                assertThat(headers.contains("#/components/schemas/deadLetterHeaders")).as(message.toString()).isEqualTo(deadLetters);
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = doc.findValues("$ref").stream().map(JsonNode::asString).filter(ref -> ref.startsWith("#/")).toList();

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(ref).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void operationsNameWhoSendsAndReceivesEveryTopic() {
        Map<String, Set<String>> senders = new TreeMap<>();
        Map<String, Set<String>> receivers = new TreeMap<>();
        for (JsonNode operation : doc.path("operations").values()) {
            String topic = resolve(operation.at("/channel/$ref").asString()).path("address").asString();
            String service = operation.at("/tags/0/name").asString();
            (operation.path("action").asString().equals("send") ? senders : receivers)
                    .computeIfAbsent(topic, t -> new TreeSet<>()).add(service);
            assertThat(operation.path("messages").values()).as(operation.toString())
                    .isNotEmpty().allSatisfy(m -> assertThat(m.path("$ref").asString()).startsWith(operation.at("/channel/$ref").asString()));
        }

        assertThat(senders).isEqualTo(Map.of(
                Topics.BC_CONTACT_EVENTS, Set.of("contact-service"),
                Topics.BC_CONTACT_REQUESTS, Set.of("external producers", "sync-orchestrator"),
                Topics.SYNC_TRIGGERS, Set.of("scheduler-service"),
                Topics.OUTLOOK_COMMANDS, Set.of("sync-orchestrator"),
                Topics.OUTLOOK_EVENTS, Set.of("outlook-gateway"),
                Topics.dlq(Topics.BC_CONTACT_EVENTS), Set.of("sync-orchestrator"),
                Topics.dlq(Topics.BC_CONTACT_REQUESTS), Set.of("contact-service"),
                Topics.dlq(Topics.SYNC_TRIGGERS), Set.of("sync-orchestrator"),
                Topics.dlq(Topics.OUTLOOK_COMMANDS), Set.of("outlook-gateway"),
                Topics.dlq(Topics.OUTLOOK_EVENTS), Set.of("sync-orchestrator")));
        assertThat(receivers).isEqualTo(Map.of(
                Topics.BC_CONTACT_EVENTS, Set.of("sync-orchestrator"),
                Topics.BC_CONTACT_REQUESTS, Set.of("contact-service"),
                Topics.SYNC_TRIGGERS, Set.of("sync-orchestrator"),
                Topics.OUTLOOK_COMMANDS, Set.of("outlook-gateway"),
                Topics.OUTLOOK_EVENTS, Set.of("sync-orchestrator")));
    }

    @Test
    void contactEventsAreCompacted() {
        JsonNode channel = doc.path("channels").values().stream()
                .filter(c -> c.path("address").asString().equals(Topics.BC_CONTACT_EVENTS)).findFirst().orElseThrow();

        assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asString()).isEqualTo("compact");
    }

    /** A local reference, {@code #/a/b}, as a node of the document. */
    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return doc.at(ref.substring(1));
    }
}
