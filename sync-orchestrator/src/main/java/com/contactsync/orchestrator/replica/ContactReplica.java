package com.contactsync.orchestrator.replica;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The orchestrator's copy of every BC contact, kept by version so that late or replayed events cannot undo newer ones. */
@Repository
public class ContactReplica {

    private final JdbcClient jdbc;

    ContactReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the snapshot unless a newer version is known; true if it was stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean upsert(ContactSnapshot contact) {
        return jdbc.sql("""
                INSERT INTO contact_replica (no, version, deleted, data) VALUES (?, ?, false, ?::jsonb)
                ON CONFLICT (no) DO UPDATE SET version = excluded.version, deleted = false, data = excluded.data
                WHERE contact_replica.version < excluded.version""")
                .params(contact.no(), contact.version(), EventJson.mapper().writeValueAsString(contact))
                .update() == 1;
    }

    /** Marks the contact deleted unless a newer version is known; true if it was marked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(String no, long version) {
        return jdbc.sql("""
                INSERT INTO contact_replica (no, version, deleted, data) VALUES (?, ?, true, NULL)
                ON CONFLICT (no) DO UPDATE SET version = excluded.version, deleted = true, data = NULL
                WHERE contact_replica.version <= excluded.version""")
                .params(no, version)
                .update() == 1;
    }
}
