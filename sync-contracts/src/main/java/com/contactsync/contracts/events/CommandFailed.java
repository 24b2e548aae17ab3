package com.contactsync.contracts.events;

import java.time.Instant;

/**
 * {@code contactsync.outlook.command-failed.v1} on {@code outlook.events.v1}: a whole command could not be carried out.
 *
 * @param retryNotBefore when {@code retryable}, the earliest time sending the command again can succeed (the mailbox
 *                       is throttled until then); null when there is no such time
 */
public record CommandFailed(
        String commandId, String userId, String mailbox, String runId, String reason, boolean retryable,
        Instant retryNotBefore) {

    public CommandFailed(String commandId, String userId, String mailbox, String runId, String reason, boolean retryable) {
        this(commandId, userId, mailbox, runId, reason, retryable, null);
    }
}
