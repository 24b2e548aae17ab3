package com.contactsync.contracts;

import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.ContactDeleteRequested;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookContact.EmailAddress;
import com.contactsync.contracts.events.OutlookContact.PhysicalAddress;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.SyncMode;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic data of every event type, as the services will send it. */
public final class Samples {

    public static final String MAILBOX = "anna.schmidt@contoso.com";

    private Samples() {
    }

    public static ContactSnapshot snapshot() {
        return new ContactSnapshot("CT000123", ContactType.PERSON, "Dr. Anna Schmidt-Müller", "Anna", "Maria",
                "Schmidt-Müller", "AMS", "CT000100", "Müller & Söhne Maschinenbau GmbH", "Head of Purchasing",
                "anna.schmidt@mueller-soehne.de", "a.schmidt@gmx.de", "+49 89 1234567", "+49 171 2345678",
                "+49 89 1234568", "Leopoldstraße 244", "Gebäude B, 3. OG", "München", "80807", "Bayern", "DE",
                "https://www.mueller-soehne.de", "JR", "SOUTH", false, Instant.parse("2025-03-14T09:26:53.589Z"), 7);
    }

    /** The writable fields of {@link #snapshot()}, as a producer asks for them. */
    public static ContactFields fields() {
        ContactSnapshot c = snapshot();
        return new ContactFields(c.no(), c.type(), c.name(), c.firstName(), c.middleName(), c.surname(), c.initials(),
                c.companyNo(), c.companyName(), c.jobTitle(), c.email(), c.email2(), c.phoneNo(), c.mobilePhoneNo(),
                c.faxNo(), c.address(), c.address2(), c.city(), c.postCode(), c.county(), c.countryRegionCode(),
                c.homePage(), c.salespersonCode(), c.territoryCode(), c.privacyBlocked());
    }

    public static OutlookContact outlookContact() {
        return new OutlookContact("Dr. Anna Schmidt-Müller", "Anna", "Maria", "Schmidt-Müller", "AMS",
                List.of(new EmailAddress("Dr. Anna Schmidt-Müller", "anna.schmidt@mueller-soehne.de"),
                        new EmailAddress("Dr. Anna Schmidt-Müller", "a.schmidt@gmx.de")),
                "Müller & Söhne Maschinenbau GmbH", "Head of Purchasing", List.of("+49 89 1234567"), "+49 171 2345678",
                new PhysicalAddress("Leopoldstraße 244\nGebäude B, 3. OG", "München", "Bayern", "80807", "DE"),
                "https://www.mueller-soehne.de");
    }

    /** One sample of the data of each type, keyed by {@code ce_type}. */
    public static Map<String, Object> byType() {
        return Map.of(
                EventTypes.CONTACT_UPSERTED, snapshot(),
                EventTypes.CONTACT_DELETED, new ContactDeleted("CT000123", 8, Instant.parse("2025-03-15T16:02:11Z")),
                EventTypes.CONTACT_UPSERT_REQUESTED, new ContactUpsertRequested(fields(), "crm-4711", 7L),
                EventTypes.CONTACT_DELETE_REQUESTED, new ContactDeleteRequested("CT000123", null),
                EventTypes.SYNC_REQUESTED, new SyncRequested(null, SyncMode.FULL, "schedule", "nightly-full", null),
                EventTypes.OUTLOOK_WRITE_CONTACTS, new WriteOutlookContacts("cmd-0001", "anna.schmidt", MAILBOX,
                        "Business Central", null, "run-42", List.of(
                                new WriteOutlookContacts.Operation(Action.UPSERT, "CT000123", null, outlookContact()),
                                new WriteOutlookContacts.Operation(Action.DELETE, "CT000099", "AAMkAGI2TG93AAA=", null))),
                EventTypes.OUTLOOK_READ_CHANGES, new ReadOutlookChanges("cmd-0002", "anna.schmidt", MAILBOX,
                        "Business Central", "run-42", "https://graph.microsoft.com/v1.0/users/anna.schmidt@contoso.com/contactFolders/AQMkAD/contacts/delta?$deltatoken=R0usmci39"),
                EventTypes.OUTLOOK_CONTACTS_WRITTEN, new OutlookContactsWritten("cmd-0001", "anna.schmidt", MAILBOX,
                        "run-42", "AQMkADAwATM0MDAAMS1i", List.of(
                                new OutlookContactsWritten.Result(Action.UPSERT, "CT000123", OutlookContactsWritten.Status.DONE,
                                        "AAMkAGI2THVSAAA=", "EQAAABYAAAA9", null, false),
                                new OutlookContactsWritten.Result(Action.DELETE, "CT000099", OutlookContactsWritten.Status.FAILED,
                                        null, null, "429 Too Many Requests, Retry-After 12 s", true))),
                EventTypes.OUTLOOK_CHANGES_READ, new OutlookChangesRead("cmd-0002", "anna.schmidt", MAILBOX, "run-42",
                        "AQMkADAwATM0MDAAMS1i", false, false, List.of(
                                new OutlookItem("AAMkAGI2THVSAAA=", "EQAAABYAAAA9", "CT000123", outlookContact()),
                                new OutlookItem("AAMkAGI2TNEWAAA=", "EQAAABYAAAB2", null, new OutlookContact("Jan Novak",
                                        "Jan", null, "Novak", null, List.of(new EmailAddress("Jan Novak", "jan.novak@example.cz")),
                                        null, null, List.of(), null, null, null))),
                        List.of("AAMkAGI2TG93AAA="), "https://graph.microsoft.com/v1.0/users/anna.schmidt@contoso.com/contactFolders/AQMkAD/contacts/delta?$deltatoken=X9aa"),
                EventTypes.OUTLOOK_COMMAND_FAILED, new CommandFailed("cmd-0003", "jonas.weber", "jonas.weber@contoso.com",
                        null, "mailbox jonas.weber@contoso.com not found (404)", false));
    }
}
