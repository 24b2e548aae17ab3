package com.contactsync.contracts.events;

import java.util.List;

/**
 * {@code contactsync.outlook.write-contacts.v1} on {@code outlook.commands.v1}: make these writes in the user's folder.
 *
 * @param folderName the folder to write into, created when missing
 * @param previousFolderName when set and that folder exists, it is renamed to {@code folderName} (S14)
 */
public record WriteOutlookContacts(
        String commandId,
        String userId,
        String mailbox,
        String folderName,
        String previousFolderName,
        String runId,
        List<Operation> operations) {

    public enum Action {
        /** Create the contact, or update the one tagged with {@code contactNo} / known as {@code outlookId}. */
        UPSERT,
        DELETE
    }

    /**
     * @param outlookId the linked Outlook contact id when the orchestrator knows it
     * @param contact the mapped fields to write; null for {@link Action#DELETE}
     * @param linkOrigin written as the {@code BcLinkOrigin} tag when {@code OUTLOOK} (a contact a person typed that
     *                   the system adopted, S8); null for contacts the system creates
     */
    public record Operation(Action action, String contactNo, String outlookId, OutlookContact contact,
                            LinkOrigin linkOrigin) {

        public Operation(Action action, String contactNo, String outlookId, OutlookContact contact) {
            this(action, contactNo, outlookId, contact, null);
        }
    }
}
