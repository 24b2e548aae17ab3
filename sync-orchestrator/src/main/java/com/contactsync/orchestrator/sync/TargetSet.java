package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.filter.ContactFilter;
import com.contactsync.orchestrator.users.SyncSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Membership of T(U): persons with an e-mail, not privacy-blocked, matching the user's filter. */
public final class TargetSet {

    /** Compiled filters by their expressions: every contact event is checked against every user's filter. */
    private static final Map<Map<String, String>, Predicate<ContactSnapshot>> COMPILED = new ConcurrentHashMap<>();

    private TargetSet() {
    }

    public static Predicate<ContactSnapshot> of(SyncSetup setup) {
        Predicate<ContactSnapshot> filter = COMPILED.computeIfAbsent(Map.copyOf(setup.filter()),
                expressions -> ContactFilter.parse(expressions).predicate());
        return contact -> contact.type() == ContactType.PERSON
                && contact.email() != null && !contact.email().isBlank()
                && !contact.privacyBlocked()
                && filter.test(contact);
    }
}
