package com.contactsync.gateway;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in its own Spring application against the shared simulator (over HTTP) and the shared Kafka broker,
 * driven by command records as the orchestrator sends them, with a reader of its answers.
 */
public final class RunningGateway implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicReader answers = TopicReader.fromBeginning(Topics.OUTLOOK_EVENTS);
    private final String commandTopic;

    private RunningGateway(ConfigurableApplicationContext context, KafkaProducer<String, byte[]> producer, String commandTopic) {
        this.context = context;
        this.producer = producer;
        this.commandTopic = commandTopic;
    }

    /** A gateway signed in to the simulator with the sandbox application; {@code settings} add to or override that. */
    public static RunningGateway start(Map<String, Object> settings) {
        return start(settings, Topics.OUTLOOK_COMMANDS);
    }

    /** @param commandTopic where the gateway takes its commands from, for tests that must not share the real topic */
    public static RunningGateway start(Map<String, Object> settings, String commandTopic) {
        RunningGateway gateway = startWithoutWarmUp(settings, commandTopic);
        // Once a first command is answered, the gateway has its partitions: what tests send from then on is new to it
        // rather than possibly carried out before (which would add look-ups to every create)
        ReadOutlookChanges warmUp = new ReadOutlookChanges(UUID.randomUUID().toString(), "warm-up", RunningSimulator.get().newMailbox(),
                "Warm-up", null, null);
        gateway.send(warmUp);
        gateway.awaitAnswer(warmUp.commandId());
        return gateway;
    }

    /**
     * A gateway that may not be able to answer (wrong credentials, no Graph), so nothing waits for it to; on a command
     * topic and in a consumer group of its own, so it takes no command meant for another gateway of the test.
     */
    public static RunningGateway startAside(Map<String, Object> settings) {
        Map<String, Object> aside = new HashMap<>(settings);
        aside.put("spring.cloud.stream.bindings.outlookCommands-in-0.group", "aside-" + UUID.randomUUID());
        return startWithoutWarmUp(aside, "outlook.commands.aside-" + UUID.randomUUID());
    }

    private static RunningGateway startWithoutWarmUp(Map<String, Object> settings, String commandTopic) {
        RunningSimulator simulator = RunningSimulator.get();
        Infrastructure infrastructure = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties(null));
        properties.put("contactsync.graph.base-url", simulator.url("/v1.0"));
        properties.put("contactsync.graph.auth.kind", "simulator");
        properties.put("contactsync.graph.auth.token-url", simulator.tokenUrl());
        properties.put("contactsync.graph.auth.client-id", RunningSimulator.CLIENT_ID);
        properties.put("contactsync.graph.auth.client-secret", RunningSimulator.CLIENT_SECRET);
        properties.put("server.port", 0);
        properties.put("spring.cloud.stream.bindings.outlookCommands-in-0.destination", commandTopic);
        properties.putAll(settings);
        ConfigurableApplicationContext context = OutlookGatewayApplication.application().run(SpringArgs.of(properties));
        return new RunningGateway(context, producer(), commandTopic);
    }

    public static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The partition of {@code outlook.commands.v1} a mailbox's commands go to, as Kafka's default partitioner picks it. */
    public int partitionOf(String mailbox) {
        int partitions = producer.partitionsFor(commandTopic).size();
        return Utils.toPositive(Utils.murmur2(mailbox.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Sends a command as the orchestrator does: keyed by mailbox, with a fresh {@code ce_id}, acknowledged by the broker. */
    public void send(WriteOutlookContacts command) {
        send(producer, commandTopic, EventTypes.OUTLOOK_WRITE_CONTACTS, command.mailbox(), command);
    }

    public void send(ReadOutlookChanges command) {
        send(producer, commandTopic, EventTypes.OUTLOOK_READ_CHANGES, command.mailbox(), command);
    }

    /** Sends a command to a topic before any gateway takes it. */
    public static void sendBeforeStart(String topic, WriteOutlookContacts command) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, topic, EventTypes.OUTLOOK_WRITE_CONTACTS, command.mailbox(), command);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, String mailbox, Object data) {
        try {
            producer.send(CloudEventPublisher.record(topic, new CloudEvent<>(UUID.randomUUID().toString(), "/test", type, Instant.now(), mailbox,
                    EventJson.write(data)))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every answer to the command so far, in order; waits until there is at least one that ends the answer. */
    public List<ConsumerRecord<String, byte[]>> awaitAnswer(String commandId) {
        return answers.awaitRecords(records -> records.stream().anyMatch(r -> isTerminal(r, commandId)), PATIENCE).stream()
                .filter(r -> commandId.equals(commandId(r))).toList();
    }

    /** The answer's data, when the command has exactly one answer (of one part). */
    public <T> T awaitAnswer(String commandId, Class<T> type) {
        List<ConsumerRecord<String, byte[]>> records = awaitAnswer(commandId);
        return EventJson.read(records.get(records.size() - 1).value(), type);
    }

    /** The answers to these commands, read until each has its terminal answer. */
    public Map<String, List<ConsumerRecord<String, byte[]>>> awaitAnswers(List<String> commandIds, Duration patience) {
        List<ConsumerRecord<String, byte[]>> records = answers.awaitRecords(all -> commandIds.stream()
                .allMatch(id -> all.stream().anyMatch(r -> isTerminal(r, id))), patience);
        Map<String, List<ConsumerRecord<String, byte[]>>> byCommand = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String id = commandId(record);
            if (commandIds.contains(id)) {
                byCommand.computeIfAbsent(id, k -> new ArrayList<>()).add(record);
            }
        }
        return byCommand;
    }

    /** Whatever answers have arrived so far, reading for at most {@code patience} until {@code condition} holds. */
    public List<ConsumerRecord<String, byte[]>> answersUntil(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
            Duration patience) {
        return answers.awaitRecords(condition, patience);
    }

    public static boolean isTerminal(ConsumerRecord<String, byte[]> record, String commandId) {
        if (!commandId.equals(commandId(record))) {
            return false;
        }
        if (!EventTypes.OUTLOOK_CHANGES_READ.equals(TopicReader.header(record, CloudEventHeaders.TYPE))) {
            return true;
        }
        JsonNode last = JSON.readTree(record.value()).get("last");
        return last == null || last.isNull() || last.asBoolean();
    }

    public static String commandId(ConsumerRecord<String, byte[]> record) {
        JsonNode id = JSON.readTree(record.value()).get("commandId");
        return id == null ? null : id.asString();
    }

    @Override
    public void close() {
        answers.close();
        producer.close();
        context.close();
    }
}
