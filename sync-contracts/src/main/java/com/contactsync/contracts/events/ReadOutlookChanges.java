package com.contactsync.contracts.events;

/**
 * {@code contactsync.outlook.read-changes.v1} on {@code outlook.commands.v1}: read the folder's contacts.
 *
 * @param deltaLink where the last read ended; null reads the whole folder and starts a fresh delta link (S5)
 * @param previousFolderName when set and that folder exists, it is renamed to {@code folderName} first (S14)
 */
public record ReadOutlookChanges(
        String commandId, String userId, String mailbox, String folderName, String runId, String deltaLink,
        String previousFolderName) {

    public ReadOutlookChanges(String commandId, String userId, String mailbox, String folderName, String runId,
                              String deltaLink) {
        this(commandId, userId, mailbox, folderName, runId, deltaLink, null);
    }
}
