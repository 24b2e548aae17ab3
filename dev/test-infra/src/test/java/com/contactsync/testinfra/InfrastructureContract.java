package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every mode must deliver. A subclass proves it for one mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InfrastructureContract {

    private Infrastructure infrastructure;
    private boolean ownInstance;

    /** The mode the subclass proves. */
    abstract Mode mode();

    /** Starts infrastructure of {@link #mode()}, for when the JVM's shared one is of another mode. */
    abstract Infrastructure startOwn(Infrastructure shared);

    @BeforeAll
    void obtainInfrastructure() {
        // Reuse the shared instance where it already is of this mode: a second broker would only cost start-up time.
        Infrastructure shared = Infrastructure.get();
        if (shared.mode() == mode()) {
            infrastructure = shared;
        } else {
            infrastructure = startOwn(shared);
            ownInstance = true;
        }
    }

    @AfterAll
    void closeOwnInfrastructure() {
        if (ownInstance) {
            infrastructure.close();
        }
    }

    @Test
    void runsInItsMode() {
        assertThat(infrastructure.mode()).isEqualTo(mode());
    }

    @Test
    void aRecordCommittedInATransactionIsConsumedThroughTheBroker() {
        String topic = "contract-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "CT000001", "hello"));
            producer.commitTransaction();
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("CT000001");
                assertThat(record.value()).isEqualTo("hello");
            });
        }
    }

    @Test
    void autoCreatedTopicsHaveSeveralPartitions() {
        assumeTrue(infrastructure.mode() != Mode.EXTERNAL, "an external broker keeps its own defaults");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // Asking for the partitions of an unknown topic makes the broker create it.
            assertThat(producer.partitionsFor("contract-" + UUID.randomUUID())).hasSize(Infrastructure.PARTITIONS);
        }
    }

    @Test
    void newDatabasesAreSeparateAndWritable() throws SQLException {
        Database first = infrastructure.newDatabase("contract");
        Database second = infrastructure.newDatabase("contract");

        Sql.execute(first, "CREATE TABLE note (text text)", "INSERT INTO note VALUES ('first')");
        Sql.execute(second, "CREATE TABLE note (text text)", "INSERT INTO note VALUES ('second')");

        assertThat(first.name()).startsWith("contract_").isNotEqualTo(second.name());
        assertThat(Sql.column(first, "SELECT current_database()")).containsExactly(first.name());
        assertThat(Sql.column(first, "SELECT text FROM note")).containsExactly("first");
        assertThat(Sql.column(second, "SELECT text FROM note")).containsExactly("second");
    }
}
