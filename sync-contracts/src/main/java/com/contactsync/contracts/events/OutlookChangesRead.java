package com.contactsync.contracts.events;

import java.util.List;

/**
 * {@code contactsync.outlook.changes-read.v1} on {@code outlook.events.v1}. A large read comes in several parts,
 * each its own event with the same {@code commandId}: parts 1, 2, ... in order on the mailbox's partition, the
 * {@code deltaLink} only on the last.
 *
 * @param full true when every contact of the folder is listed (no delta link given, or it had expired); in a read of
 *             several parts, the folder is every part's {@code changed} together
 * @param deltaLinkExpired the given delta link was refused, so this is a full read and the caller should run S5
 * @param part which part of the answer this is, from 1; absent (read as 1) in an answer of one part
 * @param last whether this is the answer's last part; absent (read as true) in an answer of one part
 */
public record OutlookChangesRead(
        String commandId,
        String userId,
        String mailbox,
        String runId,
        String folderId,
        boolean full,
        boolean deltaLinkExpired,
        List<OutlookItem> changed,
        List<String> removedIds,
        String deltaLink,
        Integer part,
        Boolean last) {

    public OutlookChangesRead {
        part = part == null ? 1 : part;
        last = last == null || last;
    }

    public OutlookChangesRead(String commandId, String userId, String mailbox, String runId, String folderId, boolean full,
                              boolean deltaLinkExpired, List<OutlookItem> changed, List<String> removedIds, String deltaLink) {
        this(commandId, userId, mailbox, runId, folderId, full, deltaLinkExpired, changed, removedIds, deltaLink, 1, true);
    }
}
