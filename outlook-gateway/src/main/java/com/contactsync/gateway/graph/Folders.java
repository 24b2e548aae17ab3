package com.contactsync.gateway.graph;

import com.microsoft.graph.models.ContactFolder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The user's contact folder by name: found, renamed from its previous name (S14) or created, and its id remembered
 * per mailbox and name so that a stream of commands costs one look-up, not one per command. A remembered id can go
 * stale when the user deletes the folder; callers that meet a 404 ask {@link #exists} and {@link #forget} it.
 */
@Component
public class Folders {

    private final ConcurrentMap<String, String> ids = new ConcurrentHashMap<>();

    /**
     * @param id the folder's Outlook id
     * @param remembered whether the id came from memory rather than from Graph just now (so it may be stale)
     */
    public record Folder(String id, boolean remembered) {
    }

    /**
     * The folder named {@code name}, created when missing. When {@code previousName} is given, that folder exists and
     * {@code name} does not, it is renamed to {@code name} rather than a new one started (S14).
     *
     * @throws GraphCallException when Graph refuses (no such mailbox, no access) or fails
     */
    public Folder ensure(MailboxSession session, String name, String previousName) {
        String remembered = ids.get(key(session.mailbox(), name));
        if (remembered != null) {
            return new Folder(remembered, true);
        }
        String id = find(session, name)
                .or(() -> renamed(session, previousName, name))
                .orElseGet(() -> create(session, name));
        ids.put(key(session.mailbox(), name), id);
        return new Folder(id, false);
    }

    /**
     * The id of the top-level folder named {@code name}; Graph's {@code displayName eq} is case-insensitive and searches
     * the top-level folders only.
     */
    public Optional<String> find(MailboxSession session, String name) {
        List<ContactFolder> folders = session.call(GraphOperation.FOLDER_LIST, () -> session.user().contactFolders().get(request -> {
            request.queryParameters.filter = "displayName eq " + OData.literal(name);
            request.queryParameters.select = new String[] {"id", "displayName"};
        }).getValue());
        return folders == null ? Optional.empty() : folders.stream().map(ContactFolder::getId).findFirst();
    }

    /** Whether the folder is still there (the user may have deleted it since its id was remembered). */
    public boolean exists(MailboxSession session, String folderId) {
        try {
            session.call(GraphOperation.FOLDER_GET, () -> session.user().contactFolders().byContactFolderId(folderId)
                    .get(request -> request.queryParameters.select = new String[] {"id"}));
            return true;
        } catch (GraphCallException e) {
            if (e.failure().status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Reads one contact of the folder, to prove its contacts can be read. */
    public void readable(MailboxSession session, String folderId) {
        session.call(GraphOperation.CONTACT_LIST, () -> session.user().contactFolders().byContactFolderId(folderId).contacts().get(request -> {
            request.queryParameters.top = 1;
            request.queryParameters.select = new String[] {"id"};
        }));
    }

    public void forget(String mailbox, String name) {
        ids.remove(key(mailbox, name));
    }

    private Optional<String> renamed(MailboxSession session, String previousName, String name) {
        if (previousName == null || previousName.isBlank() || previousName.equalsIgnoreCase(name)) {
            return Optional.empty();
        }
        Optional<String> previous = find(session, previousName);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        try {
            session.call(GraphOperation.FOLDER_RENAME, () -> session.user().contactFolders().byContactFolderId(previous.get()).patch(folderNamed(name)));
        } catch (GraphCallException e) {
            // 409: a folder with the new name appeared meanwhile; that one is the user's folder now
            if (e.failure().status() == 409) {
                return find(session, name);
            }
            throw e;
        }
        forget(session.mailbox(), previousName);
        return previous;
    }

    /** When another writer creates it between the look-up and the create, Graph answers 409 and the look-up is repeated. */
    private String create(MailboxSession session, String name) {
        try {
            return session.call(GraphOperation.FOLDER_CREATE, () -> session.user().contactFolders().post(folderNamed(name))).getId();
        } catch (GraphCallException e) {
            if (e.failure().status() == 409) {
                return find(session, name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static String key(String mailbox, String name) {
        return mailbox.toLowerCase(Locale.ROOT) + "\n" + name.toLowerCase(Locale.ROOT);
    }

    /**
     * A new body for every attempt: the SDK's backing store serializes only what changed since the last
     * serialization, so a body sent again after a 429 or a 5xx would go out as {@code {}} (Graph: 400, the folder's
     * displayName is required).
     */
    private static ContactFolder folderNamed(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return folder;
    }
}
