package com.contactsync.contracts.events;

/**
 * {@code contactsync.sync.requested.v1} on {@code sync.triggers.v1}.
 *
 * @param userId null asks for every enabled user
 */
public record SyncRequested(String userId, SyncMode mode, String reason, String scheduleId, String runId) {
}
