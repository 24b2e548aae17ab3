package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.orchestrator.users.SyncSetup;

/** Membership of T(U): persons with an e-mail, not privacy-blocked, matching the user's filter. */
final class TargetSet {

    private TargetSet() {
    }

    static boolean contains(SyncSetup setup, ContactSnapshot contact) {
        // The user's filter is not applied yet: every eligible person is in every user's target set.
        return contact.type() == ContactType.PERSON
                && contact.email() != null && !contact.email().isBlank()
                && !contact.privacyBlocked();
    }
}
