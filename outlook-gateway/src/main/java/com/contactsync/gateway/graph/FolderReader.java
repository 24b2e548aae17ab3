package com.contactsync.gateway.graph;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one folder: its changes through a contact delta query, and the tags of its contacts, which delta cannot
 * return (Outlook's contact delta takes only {@code $select}, and extended properties need {@code $expand}).
 */
public final class FolderReader {

    /** The mapped fields, which is all a read needs (delta takes only {@code $select}). */
    private static final String[] MAPPED_FIELDS = {"id", "changeKey", "displayName", "givenName", "middleName", "surname", "initials",
            "emailAddresses", "companyName", "jobTitle", "businessPhones", "mobilePhone", "businessAddress", "businessHomePage"};
    /** The largest page Outlook gives of a contact list. */
    private static final int LIST_PAGE_SIZE = 1000;
    /** Graph's error codes for a delta token it no longer has; 410 Gone says the same. */
    private static final Set<String> EXPIRED_CODES = Set.of("syncstatenotfound", "resyncrequired", "syncstateinvalid", "invalidsynctoken");

    private final MailboxSession session;
    private final ContactsRequestBuilder contacts;
    private final String folderId;

    private FolderReader(MailboxSession session, String folderId) {
        this.session = session;
        this.folderId = folderId;
        this.contacts = session.user().contactFolders().byContactFolderId(folderId).contacts();
    }

    public static FolderReader of(MailboxSession session, String folderId) {
        return new FolderReader(session, folderId);
    }

    /**
     * @param changed contacts created or changed, by id, with the mapped fields (no tags)
     * @param removedIds contacts deleted or moved out of the folder
     * @param deltaLink where the next read starts
     */
    public record Delta(Map<String, Contact> changed, List<String> removedIds, String deltaLink) {
    }

    /**
     * Pages through a delta round to its delta link, asking for {@code pageSize} contacts a page on every request
     * (Graph honours {@code Prefer: odata.maxpagesize} per request, so follow-up links need it again).
     *
     * @param deltaLink where the last read ended; null lists the whole folder and starts a fresh delta link
     * @throws DeltaLinkExpiredException when Graph refuses the link, or a next link expires on the way
     */
    public Delta delta(String deltaLink, int pageSize) {
        String prefer = "odata.maxpagesize=" + pageSize;
        DeltaGetResponse page = deltaLink == null
                ? session.call(GraphOperation.DELTA, () -> contacts.delta().get(request -> {
                    request.queryParameters.select = MAPPED_FIELDS;
                    request.headers.add("Prefer", prefer);
                }))
                : refusedAsExpired(() -> contacts.delta().withUrl(deltaLink).get(request -> request.headers.add("Prefer", prefer)));
        Map<String, Contact> changed = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        while (true) {
            for (Contact contact : page.getValue()) {
                if (contact.getAdditionalData().containsKey("@removed")) {
                    changed.remove(contact.getId());
                    removed.add(contact.getId());
                } else {
                    changed.put(contact.getId(), contact);
                }
            }
            String next = page.getOdataNextLink();
            if (next == null) {
                return new Delta(changed, removed, page.getOdataDeltaLink());
            }
            page = refusedAsExpired(() -> contacts.delta().withUrl(next).get(request -> request.headers.add("Prefer", prefer)));
        }
    }

    /** The tags of every contact in the folder: one request per 1,000 contacts. */
    public Map<String, ContactMapping.Tags> allTags() {
        Map<String, ContactMapping.Tags> tags = new HashMap<>();
        everyContact().forEach(contact -> tags.put(contact.getId(), ContactMapping.Tags.of(contact)));
        return tags;
    }

    /** Every contact in the folder with its id, change key and tags, one request per 1,000 contacts. */
    public List<Contact> everyContact() {
        List<Contact> contactsRead = new ArrayList<>();
        ContactCollectionResponse page = session.call(GraphOperation.CONTACT_LIST, () -> contacts.get(request -> {
            request.queryParameters.select = new String[] {"id", "changeKey"};
            request.queryParameters.expand = new String[] {OutlookTag.EXPAND_TAGS};
            request.queryParameters.top = LIST_PAGE_SIZE;
        }));
        while (true) {
            contactsRead.addAll(page.getValue());
            String next = page.getOdataNextLink();
            if (next == null) {
                return contactsRead;
            }
            page = session.call(GraphOperation.CONTACT_LIST, () -> contacts.withUrl(next).get());
        }
    }

    /**
     * The tags of these contacts, twenty a batch; a contact no longer in the folder is left out.
     *
     * @throws GraphCallException when the tags of one of them cannot be read: a contact must never be reported
     *     without its tags, or the orchestrator would take a contact the system wrote for one a person typed
     */
    public Map<String, ContactMapping.Tags> tagsOf(Collection<String> ids) {
        ContactSteps steps = ContactSteps.in(session, folderId);
        Map<String, String> idByStep = new LinkedHashMap<>();
        List<BatchStep> batch = new ArrayList<>();
        for (String id : ids) {
            String step = Integer.toString(batch.size() + 1);
            idByStep.put(step, id);
            batch.add(steps.tags(step, id));
        }
        Map<String, ContactMapping.Tags> tags = new HashMap<>();
        session.batch(batch).forEach((step, outcome) -> {
            if (outcome.succeeded()) {
                tags.put(idByStep.get(step), ContactMapping.Tags.of(outcome.value(Contact.class)));
            } else if (outcome.status() != 404) {
                throw new GraphCallException(outcome.failure(), null);
            }
        });
        return tags;
    }

    private DeltaGetResponse refusedAsExpired(Supplier<DeltaGetResponse> request) {
        try {
            return session.call(GraphOperation.DELTA, request);
        } catch (GraphCallException e) {
            GraphFailure failure = e.failure();
            if (failure.status() == 410 || (failure.code() != null && EXPIRED_CODES.contains(failure.code().toLowerCase(Locale.ROOT)))) {
                throw new DeltaLinkExpiredException(failure.reason(), e);
            }
            throw e;
        }
    }
}
