package com.contactsync.kit.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer log: which {@code ce_id}s each consumer has applied. Recording the id in the same
 * transaction as the effect makes a redelivered event a no-op, and a crash before commit leaves neither.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Records the event as applied by this consumer; false if it already was. Must run in the effect's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(consumer, eventId)
                .update() == 1;
    }

    /** Runs the effect in a new transaction unless this consumer has applied the event before; true if it ran. */
    public boolean once(String consumer, String eventId, Runnable effect) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!firstDelivery(consumer, eventId)) {
                return false;
            }
            effect.run();
            return true;
        }));
    }
}
