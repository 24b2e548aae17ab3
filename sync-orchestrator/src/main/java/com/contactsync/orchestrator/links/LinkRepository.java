package com.contactsync.orchestrator.links;

import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.orchestrator.sync.Link;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links (user, BC contact no) ↔ Outlook contact id; callers hold the transaction. */
@Repository
public class LinkRepository {

    private static final String COLUMNS = "contact_no, outlook_id, origin, written_hash";

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Link> forUser(String userId) {
        Map<String, Link> links = new TreeMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM link WHERE user_id = ?").param(userId)
                .query(LinkRepository::map).list()
                .forEach(link -> links.put(link.contactNo(), link));
        return links;
    }

    /**
     * The link, locked until the transaction ends: a BC change and the gateway's answer about the same contact are
     * applied one after the other, so the second always sees what the first did.
     */
    public Optional<Link> findForUpdate(String userId, String contactNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM link WHERE user_id = ? AND contact_no = ? FOR UPDATE")
                .params(userId, contactNo).query(LinkRepository::map).optional();
    }

    /** Links the contact to an Outlook contact; {@code writtenHash} null when nothing was written yet. */
    public void saveLinked(String userId, String contactNo, String outlookId, LinkOrigin origin, String writtenHash) {
        // An Outlook id belongs to one contact: a stale link that still names it goes first.
        jdbc.sql("DELETE FROM link WHERE user_id = ? AND outlook_id = ? AND contact_no <> ?")
                .params(userId, outlookId, contactNo).update();
        jdbc.sql("""
                INSERT INTO link (user_id, contact_no, outlook_id, origin, written_hash, pending_since)
                VALUES (?, ?, ?, ?, ?, NULL)
                ON CONFLICT (user_id, contact_no) DO UPDATE SET outlook_id = excluded.outlook_id,
                    origin = excluded.origin, written_hash = excluded.written_hash, pending_since = NULL,
                    updated_at = now()""")
                .params(userId, contactNo, outlookId, origin.name(), writtenHash).update();
    }

    /** A create was sent and its outcome is not known yet: no second create is planned meanwhile. */
    public void savePending(String userId, String contactNo) {
        jdbc.sql("""
                INSERT INTO link (user_id, contact_no, outlook_id, origin, pending_since) VALUES (?, ?, NULL, 'BC', now())
                ON CONFLICT (user_id, contact_no) DO UPDATE SET outlook_id = NULL, origin = 'BC',
                    pending_since = now(), updated_at = now()""")
                .params(userId, contactNo).update();
    }

    public void delete(String userId, String contactNo) {
        jdbc.sql("DELETE FROM link WHERE user_id = ? AND contact_no = ?").params(userId, contactNo).update();
    }

    /** Forgets a pending create that failed, so the next sync plans it again. */
    public void deletePending(String userId, String contactNo) {
        jdbc.sql("DELETE FROM link WHERE user_id = ? AND contact_no = ? AND outlook_id IS NULL")
                .params(userId, contactNo).update();
    }

    /** Forgets the link only if it still names this Outlook contact (a later write may have moved it). */
    public void deleteIfLinkedTo(String userId, String contactNo, String outlookId) {
        jdbc.sql("DELETE FROM link WHERE user_id = ? AND contact_no = ? AND outlook_id = ?")
                .params(userId, contactNo, outlookId).update();
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("contact_no"), rs.getString("outlook_id"),
                LinkOrigin.valueOf(rs.getString("origin")), rs.getString("written_hash"));
    }
}
