package com.contactsync.orchestrator.users;

/**
 * A user whose folder the orchestrator keeps: who, which mailbox, the setup, and where the last read ended.
 *
 * @param outlookFolder the name the folder has in Outlook as far as the system knows (null before the first write)
 * @param deltaLink where the last read of the folder ended (null: the next read is a full one)
 */
public record SyncTarget(String userId, String mailbox, SyncSetup setup, String outlookFolder, String deltaLink) {
}
