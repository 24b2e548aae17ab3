package com.contactsync.contacts.contacts;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.filter.ContactFilter;
import com.contactsync.filter.SqlFragment;
import com.contactsync.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write of a contact, and the events that announce it, in one transaction.
 *
 * <p>Events of one contact reach the outbox in commit order because every write holds the contact's row lock
 * ({@code findForUpdate}, or the insert's unique key) from before it reads the version until it commits. Locks are
 * always taken in one order, a person's company before the person, so writers never wait for each other in a circle:
 * linking a person share-locks its company first; renaming a company locks it, then its persons by number.
 */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final Outbox outbox;
    private final ContactsProperties properties;
    private final Clock clock = Clock.systemUTC();

    ContactService(ContactRepository contacts, Outbox outbox, ContactsProperties properties) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.properties = properties;
    }

    /**
     * Creates a contact, numbered from the series when {@code fields.no} is empty.
     *
     * @throws ContactRefusedException {@code CONFLICT} when the number is taken, {@code INVALID} for a bad company
     *                                 link
     */
    @Transactional
    public ContactSnapshot create(ContactFields fields) {
        ContactFields normalized = normalized(fields);
        Optional<ContactSnapshot> company = linkedCompany(normalized.no(), normalized);
        String no = normalized.no() == null ? contacts.nextNumber() : normalized.no();
        ContactSnapshot contact = compose(no, normalized, company, contacts.lastVersionOfDeleted(no) + 1, now());
        if (!contacts.insert(contact)) {
            throw ContactRefusedException.conflict("Contact " + no + " already exists");
        }
        announce(contact);
        return contact;
    }

    /**
     * Replaces the fields of contact {@code no}, or creates it.
     *
     * @throws ContactRefusedException {@code VERSION_MISMATCH}; {@code INVALID}, also for a {@code fields.no} other
     *                                 than {@code no}; {@code CONFLICT} when a company with persons would become a
     *                                 person
     */
    @Transactional
    public ContactWrite put(String no, ContactFields fields, ExpectedVersion expected) {
        ContactFields normalized = normalized(fields);
        requireNumber(no, normalized);
        Optional<ContactSnapshot> company = linkedCompany(no, normalized);
        Optional<ContactSnapshot> current = contacts.findForUpdate(no);
        expected.check(no, current);
        if (current.isEmpty()) {
            ContactSnapshot created = compose(no, normalized, company, contacts.lastVersionOfDeleted(no) + 1, now());
            if (contacts.insert(created)) {
                announce(created);
                return new ContactWrite(created, true);
            }
            // Another writer created it since: now there is a row to lock and replace.
            current = contacts.findForUpdate(no);
            expected.check(no, current);
        }
        return new ContactWrite(replace(current.orElseThrow(), normalized, company), false);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to contact {@code no}.
     *
     * @throws ContactRefusedException {@code NOT_FOUND}, and as {@link #put}
     */
    @Transactional
    public ContactSnapshot patch(String no, ObjectNode mergePatch, ExpectedVersion expected) {
        // The patched fields name the company to lock, and the company is locked before the contact: so read,
        // lock the company, lock the contact, and start again in the rare case the contact changed in between.
        Optional<ContactSnapshot> seen = contacts.find(no);
        while (true) {
            expected.check(no, seen);
            ContactSnapshot base = seen.orElseThrow(() -> ContactRefusedException.notFound(no));
            ContactFields fields = normalized(ContactInput.merge(base, mergePatch));
            requireNumber(no, fields);
            Optional<ContactSnapshot> company = linkedCompany(no, fields);
            Optional<ContactSnapshot> current = contacts.findForUpdate(no);
            if (current.equals(seen)) {
                return replace(base, fields, company);
            }
            seen = current;
        }
    }

    /**
     * Deletes contact {@code no} and announces it with the last version it had; empty when there is no such contact.
     *
     * @throws ContactRefusedException {@code VERSION_MISMATCH}, or {@code CONFLICT} for a company that has persons
     */
    @Transactional
    public Optional<ContactDeleted> delete(String no, ExpectedVersion expected) {
        Optional<ContactSnapshot> current = contacts.findForUpdate(no);
        expected.check(no, current);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ContactSnapshot contact = current.get();
        if (contact.type() == ContactType.COMPANY && contacts.hasPersons(no)) {
            throw ContactRefusedException.conflict("Company " + no
                    + " still has persons; delete them or link them to another company first");
        }
        Instant now = now();
        contacts.delete(contact, now);
        ContactDeleted deleted = new ContactDeleted(no, contact.version(), now);
        outbox.append(properties.eventsTopic(),
                CloudEvents.create(properties.source(), EventTypes.CONTACT_DELETED, no, deleted));
        return Optional.of(deleted);
    }

    @Transactional(readOnly = true)
    public Optional<ContactSnapshot> find(String no) {
        return contacts.find(no);
    }

    /** A page of the contacts that pass {@code filter}, in order of {@code no}. */
    @Transactional(readOnly = true)
    ContactPage list(ContactFilter filter, int page, int size) {
        SqlFragment where = filter.toSql(ContactRepository.COLUMNS::get);
        long total = contacts.count(where);
        return new ContactPage(contacts.page(where, size, (long) page * size), page, size, total,
                (total + size - 1) / size);
    }

    private ContactSnapshot replace(ContactSnapshot current, ContactFields fields, Optional<ContactSnapshot> company) {
        if (current.type() == ContactType.COMPANY && fields.type() != ContactType.COMPANY
                && contacts.hasPersons(current.no())) {
            throw ContactRefusedException.conflict("Company " + current.no()
                    + " still has persons, so it cannot become a person");
        }
        if (compose(current.no(), fields, company, current.version(), current.lastModifiedAt()).equals(current)) {
            // Nothing changes: no new version, no event (and no Outlook write downstream).
            return current;
        }
        ContactSnapshot next = compose(current.no(), fields, company, current.version() + 1, now());
        contacts.update(next);
        announce(next);
        if (next.type() == ContactType.COMPANY && !next.name().equals(current.name())) {
            renameInPersons(next);
        }
        return next;
    }

    /** Each person of the company takes its new name, as a change of its own with its own event. */
    private void renameInPersons(ContactSnapshot company) {
        for (ContactSnapshot person : contacts.personsOfForUpdate(company.no())) {
            if (!company.name().equals(person.companyName())) {
                ContactSnapshot renamed = compose(person.no(), fieldsOf(person), Optional.of(company),
                        person.version() + 1, now());
                contacts.update(renamed);
                announce(renamed);
            }
        }
    }

    /**
     * The company a person's {@code companyNo} names, share-locked; empty for a person without one and for a company.
     *
     * @throws ContactRefusedException {@code INVALID} when it names no company contact, the person itself, or, on a
     *                                 company, any contact but the company itself
     */
    private Optional<ContactSnapshot> linkedCompany(String no, ContactFields fields) {
        String companyNo = fields.companyNo();
        if (companyNo == null) {
            return Optional.empty();
        }
        if (fields.type() == ContactType.COMPANY) {
            if (!companyNo.equals(no)) {
                throw ContactRefusedException.invalid("companyNo", "ownNumber",
                        "a company cannot belong to another company: leave companyNo empty or give the company's"
                                + " own no");
            }
            return Optional.empty();
        }
        if (companyNo.equals(no)) {
            throw ContactRefusedException.invalid("companyNo", "company", "a person cannot be its own company");
        }
        return Optional.of(contacts.findForShare(companyNo)
                .filter(company -> company.type() == ContactType.COMPANY)
                .orElseThrow(() -> ContactRefusedException.invalid("companyNo", "company",
                        companyNo + " is not a contact of type COMPANY")));
    }

    private static void requireNumber(String no, ContactFields fields) {
        if (fields.no() != null && !fields.no().equals(no)) {
            throw ContactRefusedException.invalid("no", "matchesPath",
                    "is " + fields.no() + " but the contact is " + no + "; a contact's no cannot change");
        }
    }

    private void announce(ContactSnapshot contact) {
        outbox.append(properties.eventsTopic(),
                CloudEvents.create(properties.source(), EventTypes.CONTACT_UPSERTED, contact.no(), contact));
    }

    /** Microsecond precision is what PostgreSQL keeps; the event must carry the value a read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A person linked to a company carries the company's name, whatever it was sent with. */
    private static ContactSnapshot compose(String no, ContactFields f, Optional<ContactSnapshot> company,
                                           long version, Instant at) {
        String companyName = company.map(ContactSnapshot::name).orElse(f.companyName());
        return new ContactSnapshot(no, f.type(), f.name(), f.firstName(), f.middleName(), f.surname(), f.initials(),
                f.companyNo(), companyName, f.jobTitle(), f.email(), f.email2(), f.phoneNo(), f.mobilePhoneNo(),
                f.faxNo(), f.address(), f.address2(), f.city(), f.postCode(), f.county(), f.countryRegionCode(),
                f.homePage(), f.salespersonCode(), f.territoryCode(), Boolean.TRUE.equals(f.privacyBlocked()), at,
                version);
    }

    private static ContactFields fieldsOf(ContactSnapshot c) {
        return new ContactFields(c.no(), c.type(), c.name(), c.firstName(), c.middleName(), c.surname(),
                c.initials(), c.companyNo(), c.companyName(), c.jobTitle(), c.email(), c.email2(), c.phoneNo(),
                c.mobilePhoneNo(), c.faxNo(), c.address(), c.address2(), c.city(), c.postCode(), c.county(),
                c.countryRegionCode(), c.homePage(), c.salespersonCode(), c.territoryCode(), c.privacyBlocked());
    }

    /** Business Central's empty value is "": stored as none, so that there is one way to be empty. */
    private static ContactFields normalized(ContactFields f) {
        return new ContactFields(empty(f.no()), f.type(), f.name(), empty(f.firstName()), empty(f.middleName()),
                empty(f.surname()), empty(f.initials()), empty(f.companyNo()), empty(f.companyName()),
                empty(f.jobTitle()), empty(f.email()), empty(f.email2()), empty(f.phoneNo()),
                empty(f.mobilePhoneNo()), empty(f.faxNo()), empty(f.address()), empty(f.address2()), empty(f.city()),
                empty(f.postCode()), empty(f.county()), empty(f.countryRegionCode()), empty(f.homePage()),
                empty(f.salespersonCode()), empty(f.territoryCode()), Boolean.TRUE.equals(f.privacyBlocked()));
    }

    private static String empty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
