package com.contactsync.contracts.events;

/**
 * {@code contactsync.outlook.read-changes.v1} on {@code outlook.commands.v1}: read the folder's contacts.
 *
 * @param deltaLink where the last read ended; null reads the whole folder and starts a fresh delta link (S5)
 */
public record ReadOutlookChanges(
        String commandId, String userId, String mailbox, String folderName, String runId, String deltaLink) {
}
