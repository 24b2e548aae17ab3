package com.contactsync.orchestrator.users;

/** A user whose folder the orchestrator keeps: who, which mailbox, and how. */
public record SyncTarget(String userId, String mailbox, SyncSetup setup) {
}
