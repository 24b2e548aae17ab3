package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactSnapshot;

/** The contact after a create-or-replace, and whether it was created. */
public record ContactWrite(ContactSnapshot contact, boolean created) {
}
