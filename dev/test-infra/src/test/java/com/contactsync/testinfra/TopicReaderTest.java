package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class TopicReaderTest {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void createProducer(Infrastructure infrastructure) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void readsRecordsWrittenBeforeAndAfterItOpened() throws Exception {
        String topic = "reader-" + UUID.randomUUID();
        send(topic, "k", "before");

        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            assertThat(values(reader.awaitCount(1, Duration.ofSeconds(60)))).containsExactly("before");
            send(topic, "k", "after");

            assertThat(values(reader.awaitCount(2, Duration.ofSeconds(60)))).containsExactly("before", "after");
        }
    }

    @Test
    void awaitRecordsReturnsEverythingReadOnceTheConditionHolds() throws Exception {
        String topic = "reader-" + UUID.randomUUID();
        send(topic, "a", "1");
        send(topic, "b", "2");

        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(
                    all -> all.stream().anyMatch(r -> "b".equals(r.key())), Duration.ofSeconds(60));

            assertThat(records).extracting(ConsumerRecord::key).contains("b");
        }
    }

    @Test
    void unmetConditionFailsNamingTheTopicAndWhatWasRead() throws Exception {
        String topic = "reader-" + UUID.randomUUID();
        send(topic, "k", "only one");

        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            assertThatThrownBy(() -> reader.awaitCount(2, Duration.ofSeconds(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(topic)
                    .hasMessageContaining("read 1 records");
        }
    }

    @Test
    void headerIsDecodedAsTextAndAbsentOneIsNull() throws Exception {
        String topic = "reader-" + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", "v");
        record.headers().add("ce_type", "first".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "contactsync.contact.upserted.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();

        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            ConsumerRecord<String, byte[]> read = reader.awaitCount(1, Duration.ofSeconds(60)).get(0);

            assertThat(TopicReader.header(read, "ce_type")).isEqualTo("contactsync.contact.upserted.v1");
            assertThat(TopicReader.header(read, "ce_id")).isNull();
        }
    }

    private static void send(String topic, String key, String value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
