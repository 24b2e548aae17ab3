package com.contactsync.contracts.cloudevents;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as the system carries it in Kafka binary mode: attributes in {@code ce_*} headers,
 * {@code data} as the JSON record value.
 *
 * @param key the Kafka record key (contact no, mailbox, user id, ...)
 */
public record CloudEvent<T>(String id, String source, String type, Instant time, String key, T data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }
}
