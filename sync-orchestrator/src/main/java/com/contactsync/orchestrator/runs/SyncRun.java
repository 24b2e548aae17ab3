package com.contactsync.orchestrator.runs;

import com.contactsync.contracts.events.SyncMode;
import java.time.Instant;
import java.util.List;

/** A sync run of one user as the REST API shows it. */
public record SyncRun(String runId, String userId, SyncMode mode, Status status, String reason, RunCounts counts,
                      List<RunProblem> problems, int pendingCommands, Instant requestedAt, Instant startedAt,
                      Instant finishedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        PARTIAL,
        FAILED
    }
}
