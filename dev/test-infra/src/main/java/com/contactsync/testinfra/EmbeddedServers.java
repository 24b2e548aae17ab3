package com.contactsync.testinfra;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Kafka and PostgreSQL without Docker: an in-process KRaft broker and a zonky PostgreSQL 15 child process. */
final class EmbeddedServers {

    private static final String SUPERUSER = "postgres";

    private EmbeddedServers() {
    }

    static Running<String> kafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Infrastructure.PARTITIONS);
        // The broker always publishes its address as a system property, by default spring.kafka.bootstrap-servers,
        // which would let a service that forgets to wire its bootstrap servers pass its tests anyway.
        broker.brokerListProperty("contactsync.test-infra.embedded-kafka");
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                // Kafka's defaults (3 replicas, min ISR 2) would block transactions on a single broker.
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return new Running<>(broker.getBrokersAsString(), broker::destroy);
    }

    static Running<PostgresServer> postgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", String.valueOf(Infrastructure.MAX_CONNECTIONS))
                // Generous: the machine may be busy with other builds; a healthy start takes a few seconds.
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        // initdb runs with trust authentication, so no password is asked for.
        return new Running<>(new PostgresServer(jdbcUrl, SUPERUSER, ""), postgres);
    }
}
