package com.contactsync.contacts.intake;

import com.contactsync.kit.inbox.EventRefusedException;

/** A request whose {@code expectedVersion} is not the stored version: dead-lettered, never retried. */
public class VersionConflictException extends EventRefusedException {

    VersionConflictException(String message) {
        super("version_conflict", "version conflict: " + message);
    }
}
