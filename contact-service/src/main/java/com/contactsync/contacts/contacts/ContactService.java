package com.contactsync.contacts.contacts;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.kit.outbox.Outbox;
import com.contactsync.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every write of a contact, and the event that announces it, in one transaction. */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final Outbox outbox;
    private final ContactsProperties properties;
    private final Clock clock;

    ContactService(ContactRepository contacts, Outbox outbox, ContactsProperties properties) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public ContactSnapshot create(ContactFields fields) {
        if (fields.type() == null) {
            throw ApiProblem.invalid("type", "required", "type is required: PERSON or COMPANY");
        }
        String name = nameOf(fields);
        String no = fields.no() == null ? contacts.nextNumber() : fields.no();
        // Microsecond precision is what PostgreSQL keeps; the event must carry the value a read returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ContactSnapshot contact = ContactRepository.snapshot(no, fields, name, now, 1);
        if (!contacts.insert(contact)) {
            throw ApiProblem.conflict("Contact " + no + " already exists");
        }
        outbox.append(Topics.BC_CONTACT_EVENTS,
                CloudEvents.create(properties.source(), EventTypes.CONTACT_UPSERTED, no, contact));
        return contact;
    }

    @Transactional(readOnly = true)
    public Optional<ContactSnapshot> find(String no) {
        return contacts.find(no);
    }

    /** Business Central fills a person's name from its parts when none is given. */
    private static String nameOf(ContactFields fields) {
        if (fields.name() != null && !fields.name().isBlank()) {
            return fields.name();
        }
        if (fields.type() == ContactType.PERSON) {
            String joined = Stream.of(fields.firstName(), fields.middleName(), fields.surname())
                    .filter(part -> part != null && !part.isBlank())
                    .collect(Collectors.joining(" "));
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        throw ApiProblem.invalid("name", "required", "name is required (for a person, firstName or surname will do)");
    }
}
