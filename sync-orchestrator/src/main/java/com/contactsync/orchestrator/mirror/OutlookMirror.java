package com.contactsync.orchestrator.mirror;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.orchestrator.sync.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the orchestrator last knew of each user's folder; callers hold the transaction. */
@Repository
public class OutlookMirror {

    private static final String COLUMNS = "outlook_id, bc_contact_no, link_origin, data";

    private final JdbcClient jdbc;

    OutlookMirror(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OutlookItem> forUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outlook_item WHERE user_id = ?").param(userId)
                .query(OutlookMirror::map).list();
    }

    /** The Outlook contacts that can matter to one BC contact: tagged with it, linked to it, or sharing its e-mail. */
    public List<OutlookItem> relevantTo(String userId, String contactNo, String outlookId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outlook_item WHERE user_id = ?"
                        + " AND (bc_contact_no = ? OR outlook_id = ? OR (bc_contact_no IS NULL AND email = ?))")
                .params(userId, contactNo, outlookId, email == null ? null : email.strip().toLowerCase())
                .query(OutlookMirror::map).list();
    }

    public void upsert(String userId, OutlookItem item) {
        upsert(userId, item, null);
    }

    /** Records an Outlook contact; {@code readMark} names the full read that listed it, if one did. */
    public void upsert(String userId, OutlookItem item, String readMark) {
        jdbc.sql("""
                INSERT INTO outlook_item (user_id, outlook_id, bc_contact_no, link_origin, email, data, read_mark)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (user_id, outlook_id) DO UPDATE SET bc_contact_no = excluded.bc_contact_no,
                    link_origin = excluded.link_origin, email = excluded.email, data = excluded.data,
                    read_mark = coalesce(excluded.read_mark, outlook_item.read_mark), updated_at = now()""")
                .params(userId, item.id(), item.bcContactNo(), item.linkOrigin() == null ? null : item.linkOrigin().name(),
                        FieldMapping.primaryEmail(item.contact()), EventJson.mapper().writeValueAsString(item.contact()),
                        readMark)
                .update();
    }

    public void remove(String userId, String outlookId) {
        jdbc.sql("DELETE FROM outlook_item WHERE user_id = ? AND outlook_id = ?").params(userId, outlookId).update();
    }

    /**
     * A full read listed every contact in its parts: whatever none of them listed is gone from the folder — unless
     * the system wrote it after the read began, when the read may simply not have seen it yet.
     */
    public void removeUnlisted(String userId, String readMark, Instant readStarted) {
        jdbc.sql("DELETE FROM outlook_item WHERE user_id = ? AND read_mark IS DISTINCT FROM ? AND updated_at < ?")
                .params(userId, readMark, Timestamp.from(readStarted)).update();
    }

    private static OutlookItem map(ResultSet rs, int row) throws SQLException {
        String origin = rs.getString("link_origin");
        return new OutlookItem(rs.getString("outlook_id"), null, rs.getString("bc_contact_no"),
                EventJson.read(rs.getString("data").getBytes(StandardCharsets.UTF_8), OutlookContact.class),
                origin == null ? null : LinkOrigin.valueOf(origin));
    }
}
