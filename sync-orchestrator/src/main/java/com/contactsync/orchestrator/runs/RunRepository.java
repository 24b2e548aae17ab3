package com.contactsync.orchestrator.runs;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.SyncMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Sync runs; callers hold the transaction. */
@Repository
public class RunRepository {

    private static final TypeReference<List<RunProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            run_id, user_id, mode, status, reason, created, updated, deleted, recreated, imported, linked, skipped,
            failed, problems, pending_commands, requested_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's unfinished run, locked, so concurrent triggers see one another. */
    public Optional<SyncRun> activeForUpdate(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE user_id = ? AND status IN ('QUEUED', 'RUNNING')"
                        + " FOR UPDATE")
                .param(userId).query(RunRepository::map).optional();
    }

    public void create(String runId, String userId, SyncMode mode, String reason, String scheduleId) {
        jdbc.sql("""
                INSERT INTO sync_run (run_id, user_id, mode, status, reason, schedule_id, pending_commands)
                VALUES (?, ?, ?, 'QUEUED', ?, ?, 1)""")
                .params(UUID.fromString(runId), userId, mode.name(), reason, scheduleId).update();
    }

    /** The gateway has read the folder: the run is under way. */
    public void markRunning(String runId) {
        jdbc.sql("UPDATE sync_run SET status = 'RUNNING', started_at = now() WHERE run_id = ? AND status = 'QUEUED'")
                .param(UUID.fromString(runId)).update();
    }

    public void upgradeToFull(String runId, String reason) {
        jdbc.sql("UPDATE sync_run SET mode = 'FULL', reason = coalesce(reason || '; ', '') || ? WHERE run_id = ?")
                .params(reason, UUID.fromString(runId)).update();
    }

    public Optional<SyncRun> find(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE run_id = ?").param(UUID.fromString(runId))
                .query(RunRepository::map).optional();
    }

    public List<SyncRun> forUser(String userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE user_id = ? ORDER BY requested_at DESC LIMIT ?")
                .params(userId, limit).query(RunRepository::map).list();
    }

    /** Adds what a step of the run did, and how many gateway answers it now waits for in addition. */
    public void record(String runId, RunCounts counts, List<RunProblem> problems, int commandsSent) {
        jdbc.sql("""
                UPDATE sync_run SET created = created + ?, updated = updated + ?, deleted = deleted + ?,
                    recreated = recreated + ?, imported = imported + ?, linked = linked + ?, skipped = skipped + ?,
                    failed = failed + ?, problems = problems || ?::jsonb, pending_commands = pending_commands + ?
                WHERE run_id = ?""")
                .params(counts.created(), counts.updated(), counts.deleted(), counts.recreated(), counts.imported(),
                        counts.linked(), counts.skipped(), counts.failed(), EventJson.mapper().writeValueAsString(problems),
                        commandsSent, UUID.fromString(runId))
                .update();
    }

    /** Ends the run if it waits for nothing more: SUCCEEDED, or PARTIAL when some contacts failed. */
    public Optional<SyncRun> finishIfDone(String runId) {
        int finished = jdbc.sql("""
                UPDATE sync_run SET status = CASE WHEN failed > 0 THEN 'PARTIAL' ELSE 'SUCCEEDED' END,
                    finished_at = now()
                WHERE run_id = ? AND status = 'RUNNING' AND pending_commands <= 0""")
                .param(UUID.fromString(runId)).update();
        return finished == 1 ? find(runId) : Optional.empty();
    }

    public void fail(String runId, String problem) {
        jdbc.sql("""
                UPDATE sync_run SET status = 'FAILED', finished_at = now(), pending_commands = 0,
                    problems = problems || ?::jsonb
                WHERE run_id = ? AND status IN ('QUEUED', 'RUNNING')""")
                .params(EventJson.mapper().writeValueAsString(List.of(new RunProblem(null, null, problem))),
                        UUID.fromString(runId))
                .update();
    }

    /** One row per user: setup, state, last run, pending work and last error. */
    public List<UserSyncStatus> status() {
        return jdbc.sql("""
                SELECT u.user_id, u.display_name, u.m365_email, s.enabled, s.state, s.last_sync_at, s.last_success_at,
                       s.last_error, r.run_id, r.status AS run_status,
                       (SELECT count(*) FROM outlook_command c WHERE c.user_id = u.user_id) AS pending
                FROM app_user u
                LEFT JOIN sync_setup s ON s.user_id = u.user_id
                LEFT JOIN LATERAL (SELECT run_id, status FROM sync_run r WHERE r.user_id = u.user_id
                                   ORDER BY requested_at DESC LIMIT 1) r ON true
                ORDER BY u.user_id""")
                .query((rs, n) -> new UserSyncStatus(rs.getString("user_id"), rs.getString("display_name"),
                        rs.getString("m365_email"), (Boolean) rs.getObject("enabled"), rs.getString("state"),
                        rs.getString("run_id"), rs.getString("run_status"), instant(rs.getTimestamp("last_sync_at")),
                        instant(rs.getTimestamp("last_success_at")), rs.getLong("pending"), rs.getString("last_error")))
                .list();
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        return new SyncRun(rs.getString("run_id"), rs.getString("user_id"), SyncMode.valueOf(rs.getString("mode")),
                SyncRun.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                new RunCounts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("deleted"), rs.getInt("recreated"),
                        rs.getInt("imported"), rs.getInt("linked"), rs.getInt("skipped"), rs.getInt("failed")),
                EventJson.mapper().readValue(rs.getString("problems").getBytes(StandardCharsets.UTF_8), PROBLEMS),
                rs.getInt("pending_commands"), instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
