package com.contactsync.contacts.intake;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which contact each producer's {@code externalId} stands for; callers hold the transaction. */
@Repository
class ExternalIds {

    /** First key of the two-key advisory locks on externalIds; two-key locks never meet one-key ones (the relay's). */
    private static final int LOCK_SPACE = 0x0EC1D;

    private final JdbcClient jdbc;

    ExternalIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends. Different ids may share a lock (hash), which only costs waiting. */
    void lock(String externalId) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_SPACE, externalId)
                .query(Integer.class).single();
    }

    Optional<String> find(String externalId) {
        return jdbc.sql("SELECT contact_no FROM contact_external_id WHERE external_id = ?").param(externalId)
                .query(String.class).optional();
    }

    void link(String externalId, String contactNo) {
        jdbc.sql("""
                INSERT INTO contact_external_id (external_id, contact_no) VALUES (?, ?)
                ON CONFLICT (external_id) DO UPDATE SET contact_no = excluded.contact_no""")
                .params(externalId, contactNo).update();
    }
}
