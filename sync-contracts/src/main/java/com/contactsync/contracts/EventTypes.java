package com.contactsync.contracts;

import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.ContactDeleteRequested;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.contracts.events.WriteOutlookContacts;
import java.util.Map;
import java.util.Optional;

/** CloudEvents {@code ce_type} values and the record each one carries as {@code data}. */
public final class EventTypes {

    public static final String CONTACT_UPSERTED = "contactsync.contact.upserted.v1";
    public static final String CONTACT_DELETED = "contactsync.contact.deleted.v1";
    public static final String CONTACT_UPSERT_REQUESTED = "contactsync.contact.upsert-requested.v1";
    public static final String CONTACT_DELETE_REQUESTED = "contactsync.contact.delete-requested.v1";
    public static final String SYNC_REQUESTED = "contactsync.sync.requested.v1";
    public static final String OUTLOOK_WRITE_CONTACTS = "contactsync.outlook.write-contacts.v1";
    public static final String OUTLOOK_READ_CHANGES = "contactsync.outlook.read-changes.v1";
    public static final String OUTLOOK_CONTACTS_WRITTEN = "contactsync.outlook.contacts-written.v1";
    public static final String OUTLOOK_CHANGES_READ = "contactsync.outlook.changes-read.v1";
    public static final String OUTLOOK_COMMAND_FAILED = "contactsync.outlook.command-failed.v1";

    /** Each type with the record of its {@code data}; the JSON Schema of a type is named after it. */
    public static final Map<String, Class<?>> DATA_TYPES = Map.of(
            CONTACT_UPSERTED, ContactSnapshot.class,
            CONTACT_DELETED, ContactDeleted.class,
            CONTACT_UPSERT_REQUESTED, ContactUpsertRequested.class,
            CONTACT_DELETE_REQUESTED, ContactDeleteRequested.class,
            SYNC_REQUESTED, SyncRequested.class,
            OUTLOOK_WRITE_CONTACTS, WriteOutlookContacts.class,
            OUTLOOK_READ_CHANGES, ReadOutlookChanges.class,
            OUTLOOK_CONTACTS_WRITTEN, OutlookContactsWritten.class,
            OUTLOOK_CHANGES_READ, OutlookChangesRead.class,
            OUTLOOK_COMMAND_FAILED, CommandFailed.class);

    private EventTypes() {
    }

    public static Optional<Class<?>> dataType(String ceType) {
        return Optional.ofNullable(DATA_TYPES.get(ceType));
    }
}
