package com.contactsync.gateway.graph;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.users.item.contactfolders.item.ContactFolderItemRequestBuilder;

/** The contacts of one folder of one mailbox. */
public final class ContactFolderClient {

    private final ContactFolderItemRequestBuilder folder;

    ContactFolderClient(ContactFolderItemRequestBuilder folder) {
        this.folder = folder;
    }

    /** @return the created contact as Graph returns it (id, change key) */
    public Contact create(Contact contact) {
        return folder.contacts().post(contact);
    }
}
