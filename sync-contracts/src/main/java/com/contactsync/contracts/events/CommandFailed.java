package com.contactsync.contracts.events;

/** {@code contactsync.outlook.command-failed.v1} on {@code outlook.events.v1}: a whole command could not be carried out. */
public record CommandFailed(
        String commandId, String userId, String mailbox, String runId, String reason, boolean retryable) {
}
