package com.contactsync.testinfra;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka and PostgreSQL as Docker containers through Testcontainers. */
final class ContainerServers {

    private ContainerServers() {
    }

    static Running<String> kafka() {
        // The broker image follows the kafka-clients version the Spring Boot BOM chose.
        DockerImageName image = DockerImageName.parse("apache/kafka").withTag(AppInfoParser.getVersion());
        KafkaContainer kafka = new KafkaContainer(image)
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(Infrastructure.PARTITIONS));
        kafka.start();
        return new Running<>(kafka.getBootstrapServers(), kafka::stop);
    }

    static Running<PostgresServer> postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:15"))
                .withCommand("postgres", "-c", "fsync=off",
                        "-c", "max_connections=" + Infrastructure.MAX_CONNECTIONS);
        postgres.start();
        return new Running<>(
                new PostgresServer(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()),
                postgres::stop);
    }
}
