package com.contactsync.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the shared broker from its beginning, for assertions on what a service published. Keys are
 * strings, values raw bytes; only committed records are seen, as a real consumer would.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private TopicReader(String topic, KafkaConsumer<String, byte[]> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /** A reader of every record of {@code topic}, also those written before it was opened. */
    public static TopicReader fromBeginning(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                // A group of its own starts at the beginning and follows partitions of a topic created later.
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return new TopicReader(topic, consumer);
    }

    /** Reads until at least {@code count} records have arrived; returns all read so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> awaitCount(int count, Duration timeout) {
        return awaitRecords(records -> records.size() >= count, timeout);
    }

    /**
     * Reads until {@code condition} holds for all records read so far, and returns them in arrival order.
     *
     * @throws AssertionError if it does not hold within {@code timeout}
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(List.copyOf(received))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Topic " + topic + ": condition not met within " + timeout + "; read "
                        + received.size() + " records");
            }
            consumer.poll(POLL).forEach(received::add);
        }
        return List.copyOf(received);
    }

    /** The value of the record's last header {@code name} as UTF-8 text, or null if it has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
