package com.contactsync.kit.outbox;

import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.EventJson;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Appends events to the transactional outbox; they are published by {@link OutboxRelay} once the transaction commits. */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** Must run inside the transaction of the change the event describes, so both commit or neither does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, CloudEvent<?> event) {
        jdbc.sql("""
                INSERT INTO outbox_event (topic, record_key, event_id, event_type, event_source, event_time, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(topic, event.key(), event.id(), event.type(), event.source(),
                        Timestamp.from(event.time()), EventJson.write(event.data()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
