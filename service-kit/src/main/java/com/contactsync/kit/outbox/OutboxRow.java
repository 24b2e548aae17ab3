package com.contactsync.kit.outbox;

import com.contactsync.contracts.cloudevents.CloudEvent;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One unpublished event as stored in {@code outbox_event}; {@code data} is already JSON. */
record OutboxRow(long id, String topic, CloudEvent<byte[]> event) {

    static OutboxRow read(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("topic"), new CloudEvent<>(
                rs.getString("event_id"), rs.getString("event_source"), rs.getString("event_type"),
                rs.getTimestamp("event_time").toInstant(), rs.getString("record_key"), rs.getBytes("payload")));
    }
}
