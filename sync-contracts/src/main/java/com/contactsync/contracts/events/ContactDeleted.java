package com.contactsync.contracts.events;

import java.time.Instant;

/** {@code contactsync.contact.deleted.v1}: a contact was deleted; {@code version} is the last version it had. */
public record ContactDeleted(String no, long version, Instant deletedAt) {
}
