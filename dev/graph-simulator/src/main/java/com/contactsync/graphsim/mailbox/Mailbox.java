package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.error.GraphException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One user's contacts. Every operation holds the mailbox's lock, so each is atomic per mailbox (as later
 * {@code If-Match} checks and delta sequences need) while mailboxes never wait on each other.
 */
public final class Mailbox {

    private final String id;
    private final String userPrincipalName;
    private final Clock clock;
    private final ContactFolder root;
    private final Map<String, ContactFolder> folders = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredContact>> contactsByFolder = new HashMap<>();
    private final Map<String, StoredContact> contacts = new HashMap<>();

    Mailbox(String id, String userPrincipalName, Clock clock) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.clock = clock;
        // The default "Contacts" folder: the parent of the top-level folders that /contactFolders lists
        this.root = new ContactFolder(Ids.newItemId(), "Contacts", Ids.newItemId());
        folders.put(root.id(), root);
        contactsByFolder.put(root.id(), new LinkedHashMap<>());
    }

    public String id() {
        return id;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String rootFolderId() {
        return root.id();
    }

    public synchronized List<ContactFolder> childFolders(String parentId) {
        List<ContactFolder> children = new ArrayList<>();
        for (ContactFolder folder : folders.values()) {
            if (folder.parentFolderId().equals(parentId)) {
                children.add(folder);
            }
        }
        return children;
    }

    public synchronized ContactFolder folder(String folderId) {
        return find(folders, folderId);
    }

    /** @throws GraphException 409 {@code ErrorFolderExists} when the parent already has a folder of that name */
    public synchronized ContactFolder createFolder(String parentId, String displayName) {
        folder(parentId);
        for (ContactFolder sibling : childFolders(parentId)) {
            if (sibling.displayName().equalsIgnoreCase(displayName)) {
                throw new GraphException(HttpStatus.CONFLICT, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
        ContactFolder folder = new ContactFolder(Ids.newItemId(), displayName, parentId);
        folders.put(folder.id(), folder);
        contactsByFolder.put(folder.id(), new LinkedHashMap<>());
        return folder;
    }

    public synchronized StoredContact createContact(String folderId, ContactSchema.ContactInput input) {
        folder(folderId);
        Instant now = clock.instant();
        StoredContact contact = new StoredContact(Ids.newItemId(), folderId, now, now, input);
        contactsByFolder.get(folderId).put(contact.id(), contact);
        contacts.put(contact.id(), contact);
        return contact;
    }

    /** A contact in any folder of the mailbox. */
    public synchronized StoredContact contact(String contactId) {
        return find(contacts, contactId);
    }

    /** A contact addressed through its folder: one in another folder is not found there. */
    public synchronized StoredContact contact(String folderId, String contactId) {
        folder(folderId);
        StoredContact contact = contact(contactId);
        if (!contact.folderId().equals(folderId)) {
            throw GraphException.itemNotFound();
        }
        return contact;
    }

    /** The folder's contacts in creation order. */
    public synchronized List<StoredContact> contacts(String folderId) {
        folder(folderId);
        return new ArrayList<>(contactsByFolder.get(folderId).values());
    }

    private static <T> T find(Map<String, T> items, String id) {
        Ids.requireWellFormed(id);
        T item = items.get(id);
        if (item == null) {
            throw GraphException.itemNotFound();
        }
        return item;
    }
}
