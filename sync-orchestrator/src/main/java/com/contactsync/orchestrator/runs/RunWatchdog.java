package com.contactsync.orchestrator.runs;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.orchestrator.OrchestratorProperties;
import com.contactsync.orchestrator.sync.SyncMetrics;
import com.contactsync.orchestrator.sync.SyncService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends runs that wait for the gateway far longer than any sync takes (a command dead-lettered, a gateway gone),
 * so a user is never stuck behind a run that cannot finish and the next trigger starts a fresh one; and starts the
 * retries the gateway's throttled answers asked for.
 */
@Component
class RunWatchdog {

    private static final Logger log = LoggerFactory.getLogger(RunWatchdog.class);

    private final JdbcClient jdbc;
    private final OrchestratorProperties properties;
    private final SyncService sync;
    private final SyncMetrics metrics;

    RunWatchdog(JdbcClient jdbc, OrchestratorProperties properties, SyncService sync, SyncMetrics metrics) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.sync = sync;
        this.metrics = metrics;
    }

    private record Ended(String userId, SyncMode mode) {
    }

    /** Retries of throttled or failed writes whose time has come (see {@code SyncService#retryLater}). */
    @Scheduled(fixedDelayString = "${contactsync.orchestrator.watchdog-interval:60s}")
    public void startDueRetries() {
        sync.startDueRetries();
    }

    @Scheduled(fixedDelayString = "${contactsync.orchestrator.watchdog-interval:60s}")
    @Transactional
    public void failStuckRuns() {
        String problem = "[{\"message\": \"No answer from outlook-gateway within " + properties.runTimeout()
                + "; the run was ended. The next sync repeats what it did not finish.\"}]";
        List<Ended> ended = jdbc.sql("""
                UPDATE sync_run SET status = 'FAILED', finished_at = now(), problems = problems || ?::jsonb
                WHERE status IN ('QUEUED', 'RUNNING') AND requested_at < now() - make_interval(secs => ?)
                RETURNING user_id, mode""")
                .params(problem, properties.runTimeout().toSeconds())
                .query((rs, row) -> new Ended(rs.getString("user_id"), SyncMode.valueOf(rs.getString("mode")))).list();
        for (Ended run : ended) {
            log.warn("Ended a sync run of user {} that waited longer than {}", run.userId(), properties.runTimeout());
            jdbc.sql("UPDATE sync_setup SET state = 'IDLE', last_error = 'run timed out' WHERE user_id = ?")
                    .param(run.userId()).update();
            metrics.runFinished(run.mode(), SyncRun.Status.FAILED);
        }
    }
}
