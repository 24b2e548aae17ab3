package com.contactsync.contracts.events;

import java.time.Instant;
import java.util.List;

/** {@code contactsync.outlook.contacts-written.v1} on {@code outlook.events.v1}: the outcome of each operation. */
public record OutlookContactsWritten(
        String commandId, String userId, String mailbox, String runId, String folderId, List<Result> results) {

    public enum Status {
        DONE,
        /** A delete or update found no Outlook contact. */
        NOT_FOUND,
        FAILED
    }

    /**
     * @param retryable whether trying again later can help (throttling, 5xx) or not (bad data, access denied)
     * @param retryNotBefore when {@code retryable}, the earliest time a new attempt can succeed (the mailbox is
     *                       throttled until then); null when there is no such time
     */
    public record Result(
            WriteOutlookContacts.Action action,
            String contactNo,
            Status status,
            String outlookId,
            String changeKey,
            String reason,
            boolean retryable,
            Instant retryNotBefore) {

        public Result(WriteOutlookContacts.Action action, String contactNo, Status status, String outlookId,
                      String changeKey, String reason, boolean retryable) {
            this(action, contactNo, status, outlookId, changeKey, reason, retryable, null);
        }
    }
}
