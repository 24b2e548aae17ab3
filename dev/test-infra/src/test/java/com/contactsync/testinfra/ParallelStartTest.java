package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The start-up choreography, with stand-ins for the servers. */
class ParallelStartTest {

    private static final PostgresServer POSTGRES = new PostgresServer("jdbc:postgresql://localhost/postgres", "u", "");

    @Test
    void kafkaAndPostgresStartAtTheSameTime() {
        CountDownLatch postgresStarting = new CountDownLatch(1);

        // Kafka's start waits for PostgreSQL's to begin: one after the other, it would wait in vain.
        Infrastructure infrastructure = Infrastructure.startInParallel(Mode.EMBEDDED,
                () -> new Running<>(String.valueOf(postgresStarting.await(30, TimeUnit.SECONDS)), () -> { }),
                () -> {
                    postgresStarting.countDown();
                    return new Running<>(POSTGRES, () -> { });
                });

        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("true");
    }

    @Test
    void whenKafkaFailsThePostgresThatStartedIsStopped() {
        AtomicBoolean postgresStopped = new AtomicBoolean();

        assertThatThrownBy(() -> Infrastructure.startInParallel(Mode.EMBEDDED,
                () -> {
                    throw new IOException("no broker today");
                },
                () -> new Running<>(POSTGRES, () -> postgresStopped.set(true))))
                .hasMessage("Kafka did not start in EMBEDDED mode")
                .hasRootCauseMessage("no broker today");
        await().untilTrue(postgresStopped);
    }

    @Test
    void whenPostgresFailsTheKafkaThatStartedIsStopped() {
        AtomicBoolean kafkaStopped = new AtomicBoolean();

        assertThatThrownBy(() -> Infrastructure.startInParallel(Mode.EMBEDDED,
                () -> new Running<>("localhost:9092", () -> kafkaStopped.set(true)),
                () -> {
                    throw new IOException("no database today");
                }))
                .hasMessage("PostgreSQL did not start in EMBEDDED mode")
                .hasRootCauseMessage("no database today");
        assertThat(kafkaStopped).isTrue();
    }
}
