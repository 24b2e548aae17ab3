package com.contactsync.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backlog, age of the oldest unpublished event, and throughput of the outbox; read by the stuck-outbox alert. */
public class OutboxMetrics {

    private final Counter published;
    private final Counter failedRounds;

    public OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        published = Counter.builder("contactsync.outbox.published")
                .description("Outbox events acknowledged by Kafka")
                .register(registry);
        failedRounds = Counter.builder("contactsync.outbox.failed.rounds")
                .description("Relay rounds that Kafka or the database refused")
                .register(registry);
        Gauge.builder("contactsync.outbox.backlog", jdbc,
                        j -> j.sql("SELECT count(*) FROM outbox_event").query(Long.class).single())
                .description("Events committed but not yet published")
                .register(registry);
        Gauge.builder("contactsync.outbox.oldest.age", jdbc,
                        j -> j.sql("SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event")
                                .query(Double.class).single())
                .description("Age of the oldest unpublished event")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void failedRound() {
        failedRounds.increment();
    }
}
