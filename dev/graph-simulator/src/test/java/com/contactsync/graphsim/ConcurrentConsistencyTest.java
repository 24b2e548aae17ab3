package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory state under concurrent load through the SDK: writers create, patch (read, then PATCH with If-Match,
 * retrying on 412) and delete while a reader follows delta rounds into a replica.
 */
class ConcurrentConsistencyTest {

    private static final int WRITERS = 4;
    private static final int OPERATIONS_PER_WRITER = 60;
    private static final int INITIAL_CONTACTS = 20;

    private final RunningSimulator simulator = RunningSimulator.get();
    private final GraphServiceClient graph = simulator.graph();
    private final String mailbox = simulator.newMailbox();

    private final List<String> knownIds = new CopyOnWriteArrayList<>();
    /** Contact id → PATCHes the simulator accepted for it. */
    private final Map<String, AtomicInteger> acceptedPatches = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();

    @AfterEach
    void graphsLimits() {
        simulator.control("DELETE", "/_simulator/limits/" + mailbox, null);
    }

    @Test
    void noUpdateIsLostAndDeltaRoundsConvergeOnTheStoredStateWithEachContactOncePerRound() throws Exception {
        // The writers exceed Outlook's four concurrent requests on purpose; here the state is under test, not the limits
        simulator.limits(mailbox, "{\"enabled\": false}");
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName("Business Central");
        String folderId = graph.users().byUserId(mailbox).contactFolders().post(folder).getId();
        ContactsRequestBuilder contacts = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts();
        for (int i = 0; i < INITIAL_CONTACTS; i++) {
            create(contacts, "initial-" + i);
        }

        Map<String, Contact> replica = new HashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(w);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
                        write(contacts, random, "w" + writer + "-" + i);
                    }
                    return null;
                }));
            }
            Future<String> reader = pool.submit(() -> {
                String deltaLink = round(contacts, null, replica);
                while (writing.get()) {
                    deltaLink = round(contacts, deltaLink, replica);
                }
                return deltaLink;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            String deltaLink = reader.get();

            round(contacts, deltaLink, replica);
        } finally {
            pool.shutdownNow();
        }

        List<Contact> stored = contacts.get(request -> request.queryParameters.top = 1000).getValue();
        assertThat(stored).hasSize(INITIAL_CONTACTS + created.get() - deleted.get());
        assertThat(replica.keySet()).containsExactlyInAnyOrderElementsOf(stored.stream().map(Contact::getId).toList());
        for (Contact contact : stored) {
            assertThat(replica.get(contact.getId()).getChangeKey()).as("replica of %s", contact.getId()).isEqualTo(contact.getChangeKey());
            int patches = acceptedPatches.getOrDefault(contact.getId(), new AtomicInteger()).get();
            assertThat(counter(contact)).as("patches of %s", contact.getId()).isEqualTo(patches);
        }
        assertThat(acceptedPatches.values().stream().mapToInt(AtomicInteger::get).sum()).isPositive();
        assertThat(deleted.get()).isPositive();
    }

    /** One random operation: a create (20%), a delete (15%) or an optimistic increment of a contact's counter. */
    private void write(ContactsRequestBuilder contacts, Random random, String name) {
        int dice = random.nextInt(100);
        if (dice < 20 || knownIds.isEmpty()) {
            create(contacts, name);
            created.incrementAndGet();
            return;
        }
        String id = knownIds.get(random.nextInt(knownIds.size()));
        if (dice < 35) {
            try {
                contacts.byContactId(id).delete();
                deleted.incrementAndGet();
                knownIds.remove(id);
            } catch (ODataError e) {
                assertThat(e.getResponseStatusCode()).as("delete of %s", id).isEqualTo(404);
            }
            return;
        }
        increment(contacts, id);
    }

    /** Read, add one to the counter, PATCH with the read's etag; on 412 another writer came first, so read again. */
    private void increment(ContactsRequestBuilder contacts, String id) {
        while (true) {
            try {
                Contact current = contacts.byContactId(id).get();
                Contact change = new Contact();
                change.setNickName(String.valueOf(counter(current) + 1));
                contacts.byContactId(id).patch(change, request -> request.headers.add("If-Match",
                        (String) current.getAdditionalData().get("@odata.etag")));
                acceptedPatches.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                return;
            } catch (ODataError e) {
                if (e.getResponseStatusCode() == 404) {
                    return;
                }
                assertThat(e.getResponseStatusCode()).as("patch of %s", id).isEqualTo(412);
            }
        }
    }

    private void create(ContactsRequestBuilder contacts, String name) {
        Contact contact = new Contact();
        contact.setSurname(name);
        contact.setNickName("0");
        knownIds.add(contacts.post(contact).getId());
    }

    /** Follows a round from a delta link (the first round when null) into the replica; each contact at most once. */
    private static String round(ContactsRequestBuilder contacts, String deltaLink, Map<String, Contact> replica) {
        DeltaGetResponse page = deltaLink == null
                ? contacts.delta().get(request -> request.headers.add("Prefer", "odata.maxpagesize=7"))
                : contacts.delta().withUrl(deltaLink).get(request -> request.headers.add("Prefer", "odata.maxpagesize=7"));
        Set<String> seen = new HashSet<>();
        while (true) {
            for (Contact item : page.getValue()) {
                assertThat(seen.add(item.getId())).as("%s twice in one round", item.getId()).isTrue();
                if (item.getAdditionalData().containsKey("@removed")) {
                    replica.remove(item.getId());
                } else {
                    replica.put(item.getId(), item);
                }
            }
            if (page.getOdataNextLink() == null) {
                return page.getOdataDeltaLink();
            }
            String next = page.getOdataNextLink();
            page = contacts.delta().withUrl(next).get(request -> request.headers.add("Prefer", "odata.maxpagesize=7"));
        }
    }

    private static int counter(Contact contact) {
        return Integer.parseInt(contact.getNickName());
    }
}
