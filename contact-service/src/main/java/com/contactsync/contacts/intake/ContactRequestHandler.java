package com.contactsync.contacts.intake;

import com.contactsync.contacts.contacts.ContactRefusedException;
import com.contactsync.contacts.contacts.ContactService;
import com.contactsync.contacts.contacts.ExpectedVersion;
import com.contactsync.contracts.events.ContactDeleteRequested;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.kit.inbox.EventRefusedException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Carries out requests from Kafka inside the inbox's transaction: the write and its de-duplication commit together. */
@Service
class ContactRequestHandler {

    private final ContactService contacts;
    private final ExternalIds externalIds;

    ContactRequestHandler(ContactService contacts, ExternalIds externalIds) {
        this.contacts = contacts;
        this.externalIds = externalIds;
    }

    /**
     * By {@code contact.no} when there is one (creating or replacing it); otherwise the contact an earlier request
     * with the same {@code externalId} created, or a new one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void upsert(ContactUpsertRequested request) {
        ExpectedVersion expected = ExpectedVersion.exactly(request.expectedVersion());
        ContactFields fields = request.contact();
        String no = fields.no() == null || fields.no().isEmpty() ? null : fields.no();
        String externalId = request.externalId();
        try {
            if (no != null) {
                contacts.put(no, fields, expected);
                if (externalId != null) {
                    externalIds.link(externalId, no);
                }
            } else if (externalId != null) {
                // Serialises requests of one externalId, so that two of them never both create a contact.
                externalIds.lock(externalId);
                Optional<String> known = externalIds.find(externalId);
                if (known.isPresent()) {
                    contacts.put(known.get(), fields, expected);
                } else {
                    ContactSnapshot created = create(fields, expected, "the contact of externalId " + externalId);
                    externalIds.link(externalId, created.no());
                }
            } else {
                create(fields, expected, "a new contact");
            }
        } catch (ContactRefusedException e) {
            throw refused(e);
        }
    }

    /** Deleting a contact that is not there (any more) is done already: nothing to do. */
    @Transactional(propagation = Propagation.MANDATORY)
    void delete(ContactDeleteRequested request) {
        try {
            contacts.delete(request.no(), ExpectedVersion.exactly(request.expectedVersion()));
        } catch (ContactRefusedException e) {
            throw refused(e);
        }
    }

    private ContactSnapshot create(ContactFields fields, ExpectedVersion expected, String what) {
        expected.check(what, Optional.empty());
        return contacts.create(fields);
    }

    private static EventRefusedException refused(ContactRefusedException e) {
        return switch (e.reason()) {
            case VERSION_MISMATCH -> new VersionConflictException(e.getMessage());
            case INVALID -> new EventRefusedException("rule_violation", e.getMessage());
            case CONFLICT -> new EventRefusedException("conflict", e.getMessage());
            case NOT_FOUND -> new EventRefusedException("not_found", e.getMessage());
        };
    }
}
