package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.error.GraphException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * One user's contacts. Every operation holds the mailbox's lock, so each is atomic per mailbox ({@code If-Match}
 * checks, delta pages) while mailboxes never wait on each other.
 *
 * <p>Every change to a contact takes the next number of the mailbox's change sequence. Each folder keeps its
 * contacts' latest versions and its deletions (tombstones) by that number, which is what delta rounds read.
 */
public final class Mailbox {

    private final String id;
    private final String userPrincipalName;
    private final Clock clock;
    private final ContactFolder root;
    private final Map<String, ContactFolder> folders = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredContact>> contactsByFolder = new HashMap<>();
    private final Map<String, NavigableMap<Long, Change>> changesByFolder = new HashMap<>();
    private final Map<String, StoredContact> contacts = new HashMap<>();
    private long sequence;
    private volatile Policy policy;

    Mailbox(String id, String userPrincipalName, Clock clock, Policy policy) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.clock = clock;
        this.policy = policy;
        // The default "Contacts" folder: the parent of the top-level folders that /contactFolders lists
        this.root = new ContactFolder(Ids.newItemId(), "Contacts", Ids.newItemId());
        addFolder(root);
    }

    /**
     * What the tenant's administrator and Exchange decide for this mailbox.
     *
     * @param accessDenied an application access policy keeps the application out (403)
     * @param deltaTokenLifetime how long delta and next links of this mailbox stay usable
     */
    public record Policy(boolean accessDenied, Duration deltaTokenLifetime) {
    }

    /**
     * A contact's latest version in a folder, or its deletion.
     *
     * @param contact null when the contact was deleted
     */
    public record Change(long sequence, String contactId, StoredContact contact) {

        public boolean removed() {
            return contact == null;
        }
    }

    /**
     * One page of a folder's changes.
     *
     * @param cursor the sequence number of the last change read (the next page starts after it)
     * @param more whether changes up to the round's end remain after the cursor
     */
    public record ChangePage(List<Change> changes, long cursor, boolean more) {
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

    public Policy policy() {
        return policy;
    }

    public void policy(Policy policy) {
        this.policy = policy;
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
        requireUniqueName(parentId, displayName, null);
        ContactFolder folder = new ContactFolder(Ids.newItemId(), displayName, parentId);
        addFolder(folder);
        return folder;
    }

    /** @throws GraphException 409 {@code ErrorFolderExists} when a sibling already has that name */
    public synchronized ContactFolder renameFolder(String folderId, String displayName) {
        ContactFolder folder = folder(folderId);
        requireUniqueName(folder.parentFolderId(), displayName, folderId);
        ContactFolder renamed = new ContactFolder(folderId, displayName, folder.parentFolderId());
        folders.put(folderId, renamed);
        return renamed;
    }

    /** Deletes the folder with its subfolders and contacts; delta links of those folders end with it. */
    public synchronized void deleteFolder(String folderId) {
        folder(folderId);
        if (folderId.equals(root.id())) {
            throw new GraphException(HttpStatus.BAD_REQUEST, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
        }
        for (ContactFolder child : childFolders(folderId)) {
            deleteFolder(child.id());
        }
        folders.remove(folderId);
        contactsByFolder.remove(folderId).keySet().forEach(contacts::remove);
        changesByFolder.remove(folderId);
    }

    public synchronized StoredContact createContact(String folderId, ContactSchema.ContactInput input) {
        folder(folderId);
        Instant now = clock.instant();
        StoredContact contact = new StoredContact(Ids.newItemId(), folderId, now, now, ContactSchema.ContactInput.EMPTY.apply(input), ++sequence);
        store(contact);
        return contact;
    }

    /**
     * Applies a PATCH: the sent properties change, the others stay; the contact gets a new change key.
     *
     * @param folderId the folder the request addressed the contact through; null for {@code /contacts/{id}}
     * @param ifMatch the request's {@code If-Match}; null for none
     * @throws GraphException 412 {@code ErrorIrresolvableConflict} when {@code ifMatch} names another version
     */
    public synchronized StoredContact patchContact(String folderId, String contactId, String ifMatch, ContactSchema.ContactInput change) {
        StoredContact current = contact(folderId, contactId, ifMatch);
        StoredContact next = current.patched(change, clock.instant(), ++sequence);
        changesByFolder.get(next.folderId()).remove(current.sequence());
        store(next);
        return next;
    }

    /** @see #patchContact */
    public synchronized void deleteContact(String folderId, String contactId, String ifMatch) {
        StoredContact current = contact(folderId, contactId, ifMatch);
        contacts.remove(contactId);
        contactsByFolder.get(current.folderId()).remove(contactId);
        NavigableMap<Long, Change> changes = changesByFolder.get(current.folderId());
        changes.remove(current.sequence());
        long removedAt = ++sequence;
        changes.put(removedAt, new Change(removedAt, contactId, null));
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

    /** The number of the mailbox's latest change: the end of a delta round that starts now. */
    public synchronized long sequence() {
        return sequence;
    }

    /**
     * The folder's changes numbered after {@code after} up to {@code upTo}, oldest first, at most {@code max}: each
     * contact once, in its latest version, or its deletion. A contact changed after {@code upTo} is not in this round
     * but in the next, which starts at {@code upTo}; so no change is ever skipped.
     *
     * @param removals whether deletions are reported (not in a first round, which has nothing to remove from)
     */
    public synchronized ChangePage changes(String folderId, boolean removals, long after, long upTo, int max) {
        folder(folderId);
        List<Change> page = new ArrayList<>();
        long cursor = after;
        boolean more = false;
        for (Change change : changesByFolder.get(folderId).subMap(after, false, upTo, true).values()) {
            if (page.size() == max) {
                more = true;
                break;
            }
            cursor = change.sequence();
            if (removals || !change.removed()) {
                page.add(change);
            }
        }
        return new ChangePage(page, cursor, more);
    }

    private StoredContact contact(String folderId, String contactId, String ifMatch) {
        StoredContact current = folderId == null ? contact(contactId) : contact(folderId, contactId);
        if (ifMatch != null && !current.matches(ifMatch)) {
            throw GraphException.changeKeyMismatch();
        }
        return current;
    }

    private void store(StoredContact contact) {
        contacts.put(contact.id(), contact);
        contactsByFolder.get(contact.folderId()).put(contact.id(), contact);
        changesByFolder.get(contact.folderId()).put(contact.sequence(), new Change(contact.sequence(), contact.id(), contact));
    }

    private void addFolder(ContactFolder folder) {
        folders.put(folder.id(), folder);
        contactsByFolder.put(folder.id(), new LinkedHashMap<>());
        changesByFolder.put(folder.id(), new TreeMap<>());
    }

    private void requireUniqueName(String parentId, String displayName, String except) {
        for (ContactFolder sibling : childFolders(parentId)) {
            if (sibling.displayName().equalsIgnoreCase(displayName) && !sibling.id().equals(except)) {
                throw new GraphException(HttpStatus.CONFLICT, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
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
