package com.contactsync.orchestrator.users;

/** A user of the user list; {@code m365Email} is the mailbox their folder lives in. */
public record User(String userId, String displayName, String m365Email) {
}
