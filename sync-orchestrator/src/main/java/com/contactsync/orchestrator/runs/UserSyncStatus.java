package com.contactsync.orchestrator.runs;

import java.time.Instant;

/**
 * One row of the operators' status view.
 *
 * @param pendingCommands commands sent to the gateway for this user and not answered yet
 */
public record UserSyncStatus(String userId, String displayName, String m365Email, Boolean enabled, String state,
                             String lastRunId, String lastRunStatus, Instant lastSyncAt, Instant lastSuccessAt,
                             long pendingCommands, String lastError) {
}
