package com.contactsync.orchestrator.replica;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public Optional<ContactSnapshot> find(String no) {
        return jdbc.sql("SELECT data FROM contact_replica WHERE no = ? AND NOT deleted").param(no)
                .query((rs, n) -> EventJson.read(rs.getBytes(1), ContactSnapshot.class))
                .optional();
    }

    /** Every live contact, by number. */
    public Map<String, ContactSnapshot> all() {
        Map<String, ContactSnapshot> contacts = new HashMap<>();
        jdbc.sql("SELECT data FROM contact_replica WHERE NOT deleted")
                .query((rs, n) -> EventJson.read(rs.getBytes(1), ContactSnapshot.class))
                .list().forEach(c -> contacts.put(c.no(), c));
        return contacts;
    }

    /** Live contacts with this e-mail address (either field), compared without case. */
    public List<ContactSnapshot> withEmail(String email) {
        return jdbc.sql("""
                SELECT data FROM contact_replica WHERE NOT deleted
                AND (lower(data->>'email') = lower(?) OR lower(data->>'email2') = lower(?))""")
                .params(email, email)
                .query((rs, n) -> EventJson.read(rs.getBytes(1), ContactSnapshot.class))
                .list();
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
