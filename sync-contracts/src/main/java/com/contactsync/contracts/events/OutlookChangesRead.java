package com.contactsync.contracts.events;

import java.util.List;

/**
 * {@code contactsync.outlook.changes-read.v1} on {@code outlook.events.v1}.
 *
 * @param full true when every contact of the folder is listed (no delta link given, or it had expired)
 * @param deltaLinkExpired the given delta link was refused, so this is a full read and the caller should run S5
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
        String deltaLink) {
}
