package com.contactsync.orchestrator.users;

import com.contactsync.contracts.cloudevents.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class UserRepository {

    private static final TypeReference<Map<String, String>> FILTER = new TypeReference<>() {
    };

    private static final String TARGETS = """
            SELECT u.user_id, u.m365_email, s.enabled, s.folder_name, s.filter, s.realtime, s.last_sync_at, s.state,
                   s.outlook_folder, s.delta_link
            FROM sync_setup s JOIN app_user u ON u.user_id = s.user_id
            WHERE s.enabled AND u.m365_email IS NOT NULL""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(User user) {
        jdbc.sql("""
                INSERT INTO app_user (user_id, display_name, m365_email) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE
                SET display_name = excluded.display_name, m365_email = excluded.m365_email, updated_at = now()""")
                .params(user.userId(), user.displayName(), user.m365Email())
                .update();
    }

    Optional<User> find(String userId) {
        return jdbc.sql("SELECT user_id, display_name, m365_email FROM app_user WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new User(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void saveSetup(String userId, SyncSetup setup) {
        jdbc.sql("""
                INSERT INTO sync_setup (user_id, enabled, folder_name, filter, realtime) VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (user_id) DO UPDATE
                SET enabled = excluded.enabled, folder_name = excluded.folder_name, filter = excluded.filter,
                    realtime = excluded.realtime, updated_at = now()""")
                .params(userId, setup.enabled(), setup.folderName(), EventJson.mapper().writeValueAsString(setup.filter()),
                        setup.realtime())
                .update();
    }

    Optional<SyncSetup> findSetup(String userId) {
        return jdbc.sql("""
                SELECT enabled, folder_name, filter, realtime, last_sync_at, state FROM sync_setup WHERE user_id = ?""")
                .param(userId)
                .query(UserRepository::mapSetup)
                .optional();
    }

    /** Users whose enabled setup has a mailbox to write to; only realtime ones if asked. */
    List<SyncTarget> targets(boolean realtimeOnly) {
        return jdbc.sql(TARGETS + (realtimeOnly ? " AND s.realtime" : "")).query(UserRepository::mapTarget).list();
    }

    Optional<SyncTarget> target(String userId) {
        return jdbc.sql(TARGETS + " AND u.user_id = ?").param(userId).query(UserRepository::mapTarget).optional();
    }

    void saveDeltaLink(String userId, String deltaLink) {
        jdbc.sql("UPDATE sync_setup SET delta_link = ? WHERE user_id = ?").params(deltaLink, userId).update();
    }

    void folderNamed(String userId, String folderName) {
        // every answer of the gateway names the folder: an unchanged name writes no new row version
        jdbc.sql("UPDATE sync_setup SET outlook_folder = ? WHERE user_id = ? AND outlook_folder IS DISTINCT FROM ?")
                .params(folderName, userId, folderName).update();
    }

    void setState(String userId, String state) {
        jdbc.sql("UPDATE sync_setup SET state = ? WHERE user_id = ?").params(state, userId).update();
    }

    /** Asks for another sync no earlier than {@code at}; an earlier request already made stays. */
    void retryAt(String userId, Instant at) {
        jdbc.sql("UPDATE sync_setup SET retry_at = least(coalesce(retry_at, ?), ?) WHERE user_id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), userId).update();
    }

    /** Users whose retry is due, claimed: their retry time is cleared in the same statement. */
    List<String> claimDueRetries(Instant now) {
        return jdbc.sql("""
                UPDATE sync_setup SET retry_at = NULL WHERE retry_at <= ? AND enabled RETURNING user_id""")
                .param(Timestamp.from(now)).query(String.class).list();
    }

    void runFinished(String userId, boolean succeeded, String error) {
        jdbc.sql("""
                UPDATE sync_setup SET state = 'IDLE', last_sync_at = now(),
                    last_success_at = CASE WHEN ? THEN now() ELSE last_success_at END, last_error = ?
                WHERE user_id = ?""")
                .params(succeeded, error, userId).update();
    }

    private static SyncTarget mapTarget(ResultSet rs, int row) throws SQLException {
        return new SyncTarget(rs.getString("user_id"), rs.getString("m365_email"), mapSetup(rs, row),
                rs.getString("outlook_folder"), rs.getString("delta_link"));
    }

    private static SyncSetup mapSetup(ResultSet rs, int row) throws SQLException {
        Timestamp lastSync = rs.getTimestamp("last_sync_at");
        return new SyncSetup(rs.getBoolean("enabled"), rs.getString("folder_name"),
                EventJson.mapper().readValue(rs.getString("filter"), FILTER), rs.getBoolean("realtime"),
                lastSync == null ? null : lastSync.toInstant(), rs.getString("state"));
    }
}
