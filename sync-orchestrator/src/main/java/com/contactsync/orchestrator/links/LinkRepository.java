package com.contactsync.orchestrator.links;

import com.contactsync.contracts.events.LinkOrigin;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Links (user, BC contact no) ↔ Outlook contact id. */
@Repository
public class LinkRepository {

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> outlookId(String userId, String contactNo) {
        return jdbc.sql("SELECT outlook_id FROM link WHERE user_id = ? AND contact_no = ? AND outlook_id IS NOT NULL")
                .params(userId, contactNo)
                .query(String.class)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void save(String userId, String contactNo, String outlookId, LinkOrigin origin) {
        jdbc.sql("""
                INSERT INTO link (user_id, contact_no, outlook_id, origin) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, contact_no) DO UPDATE SET outlook_id = excluded.outlook_id, updated_at = now()""")
                .params(userId, contactNo, outlookId, origin.name())
                .update();
    }
}
