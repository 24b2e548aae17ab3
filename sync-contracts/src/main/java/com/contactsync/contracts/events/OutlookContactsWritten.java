package com.contactsync.contracts.events;

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
     */
    public record Result(
            WriteOutlookContacts.Action action,
            String contactNo,
            Status status,
            String outlookId,
            String changeKey,
            String reason,
            boolean retryable) {
    }
}
