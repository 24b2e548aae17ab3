package com.contactsync.graphsim;

import static com.contactsync.graphsim.GraphSdkContactsTest.taggedContact;
import static com.contactsync.graphsim.GraphSdkWritesTest.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaRequestBuilder;
import com.microsoft.kiota.serialization.UntypedObject;
import com.microsoft.kiota.serialization.UntypedString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contact delta queries as the SDK's delta request builder reads them: rounds, pages, links, removals, expiry. */
class DeltaQueryTest {

    private final RunningSimulator simulator = RunningSimulator.get();
    private final GraphServiceClient graph = simulator.graph();
    private final String mailbox = simulator.newMailbox();
    private final String folderId = createFolder("Business Central");

    /** One round: every page's items, and the delta link that ends it. */
    record Round(List<List<Contact>> pages, String deltaLink) {

        List<Contact> items() {
            return pages.stream().flatMap(List::stream).toList();
        }

        /** Contact id → item, for a round in which each contact must appear once. */
        Map<String, Contact> byId() {
            Map<String, Contact> byId = new LinkedHashMap<>();
            for (Contact item : items()) {
                assertThat(byId.put(item.getId(), item)).as("%s twice in one round", item.getId()).isNull();
            }
            return byId;
        }
    }

    @Test
    void firstRoundPagesThroughTheFolderByMaxPageSizeWithNextLinksThenADeltaLink() {
        for (int i = 0; i < 5; i++) {
            createContact("CT2000" + i, "Surname" + i);
        }

        Round round = round(null, 2);

        assertThat(round.pages()).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(round.byId()).hasSize(5);
        assertThat(round.items()).extracting(Contact::getSurname)
                .containsExactlyInAnyOrder("Surname0", "Surname1", "Surname2", "Surname3", "Surname4");
        assertThat(round.deltaLink()).contains("$deltatoken=");
        assertThat(simulator.requests("GET", "/v1.0/users/{id}/contactFolders/{id}/contacts/delta()", 200)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void maxPageSizeAppliesOnlyToTheRequestsThatSendIt() {
        for (int i = 0; i < 14; i++) {
            createContact("CT2010" + i, "Surname" + i);
        }

        DeltaGetResponse first = delta().get(request -> request.headers.add("Prefer", "odata.maxpagesize=3"));
        DeltaGetResponse withoutPrefer = delta().withUrl(first.getOdataNextLink()).get();

        assertThat(first.getValue()).hasSize(3);
        assertThat(withoutPrefer.getValue()).hasSize(10);
        assertThat(withoutPrefer.getOdataNextLink()).isNotNull();
    }

    @Test
    void nextRoundReturnsAddsEditsAndDeletionsEachOnceInTheirLatestState() {
        Contact edited = createContact("CT20200", "Edited");
        Contact deleted = createContact("CT20201", "Deleted");
        Contact untouched = createContact("CT20202", "Untouched");
        Round first = round(null, 2);

        Contact added = createContact("CT20203", "Added");
        patchJobTitle(edited, "first edit");
        patchJobTitle(edited, "second edit");
        contacts().byContactId(deleted.getId()).delete();
        Round second = round(first.deltaLink(), 2);

        Map<String, Contact> changes = second.byId();
        assertThat(changes).containsOnlyKeys(added.getId(), edited.getId(), deleted.getId());
        assertThat(changes.get(edited.getId()).getJobTitle()).isEqualTo("second edit");
        assertThat(changes.get(added.getId()).getSurname()).isEqualTo("Added");
        assertThat(changes.get(deleted.getId()).getAdditionalData()).containsKey("@removed");
        assertThat(removalReason(changes.get(deleted.getId()))).isEqualTo("deleted");
        assertThat(changes).doesNotContainKey(untouched.getId());
        assertThat(round(second.deltaLink(), 2).items()).isEmpty();
    }

    @Test
    void replayingADeltaLinkReturnsTheSameChangesOrMore() {
        createContact("CT20300", "Before");
        Round first = round(null, 10);
        Contact added = createContact("CT20301", "Added");

        Round once = round(first.deltaLink(), 10);
        Contact later = createContact("CT20302", "Later");
        Round replayed = round(first.deltaLink(), 10);

        assertThat(once.byId()).containsOnlyKeys(added.getId());
        assertThat(replayed.byId()).containsOnlyKeys(added.getId(), later.getId());
    }

    @Test
    void changesDuringARoundAreNeverLostWhenANextLinkIsFollowedOrReplayed() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(createContact("CT2040" + i, "Surname" + i));
        }
        DeltaGetResponse page1 = delta().get(request -> request.headers.add("Prefer", "odata.maxpagesize=2"));
        Contact alreadyRead = contacts.stream().filter(c -> c.getId().equals(page1.getValue().get(0).getId())).findFirst().orElseThrow();
        Contact notYetRead = contacts.stream()
                .filter(c -> page1.getValue().stream().noneMatch(read -> read.getId().equals(c.getId())))
                .findFirst().orElseThrow();

        patchJobTitle(alreadyRead, "changed after it was read");
        patchJobTitle(notYetRead, "changed before it was read");
        Round rest = follow(page1.getOdataNextLink(), 2);
        Round replayedRest = follow(page1.getOdataNextLink(), 2);
        Round next = round(rest.deltaLink(), 10);

        Map<String, Contact> latest = new LinkedHashMap<>();
        page1.getValue().forEach(c -> latest.put(c.getId(), c));
        rest.byId().forEach(latest::put);
        next.byId().forEach(latest::put);
        assertThat(latest).hasSize(6);
        assertThat(latest.get(alreadyRead.getId()).getJobTitle()).isEqualTo("changed after it was read");
        assertThat(latest.get(notYetRead.getId()).getJobTitle()).isEqualTo("changed before it was read");
        assertThat(replayedRest.byId().keySet()).containsAll(rest.byId().keySet());
    }

    @Test
    void selectOfTheFirstRequestShapesEveryPageOfTheRound() {
        for (int i = 0; i < 3; i++) {
            createContact("CT2050" + i, "Surname" + i);
        }

        DeltaGetResponse first = delta().get(request -> {
            request.headers.add("Prefer", "odata.maxpagesize=2");
            request.queryParameters.select = new String[] {"surname"};
        });
        DeltaGetResponse second = delta().withUrl(first.getOdataNextLink()).get(request -> request.headers.add("Prefer", "odata.maxpagesize=2"));

        List<Contact> items = new ArrayList<>(first.getValue());
        items.addAll(second.getValue());
        assertThat(items).hasSize(3).allSatisfy(item -> {
            assertThat(item.getId()).isNotBlank();
            assertThat(item.getSurname()).startsWith("Surname");
            assertThat(item.getGivenName()).isNull();
            assertThat(item.getCompanyName()).isNull();
        });
    }

    @Test
    void expiredDeltaLinkGives410SyncStateNotFoundWithAFreshDeltaRequestInLocation() {
        createContact("CT20600", "Before");
        String deltaLink = round(null, 10).deltaLink();

        simulator.mailboxSettings(mailbox, "{\"deltaTokenLifetime\": \"PT0S\"}");
        HttpResponse<String> expired = get(deltaLink);

        assertGraphError(() -> delta().withUrl(deltaLink).get(), 410, "syncStateNotFound");
        assertThat(expired.statusCode()).isEqualTo(410);
        String location = expired.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/contacts/delta()").doesNotContain("token");
        HttpResponse<String> fresh = get(location);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(simulator.json.readTree(fresh.body()).get("value")).hasSize(1);
    }

    @Test
    void tokenTheSimulatorDidNotIssueGives410ResyncRequired() {
        String forged = simulator.url("/v1.0/users/" + mailbox + "/contactFolders/" + folderId + "/contacts/delta?$deltatoken=R0lGODlh.AAAA");

        assertGraphError(() -> delta().withUrl(forged).get(), 410, "resyncRequired");
    }

    @Test
    void deltaLinkOfAnotherFolderIsNotAcceptedForThisOne() {
        String otherFolder = createFolder("Other");
        String deltaLink = round(null, 10).deltaLink();
        String elsewhere = deltaLink.replaceFirst("/contactFolders/[^/]+/", "/contactFolders/" + otherFolder + "/");

        assertGraphError(() -> delta().withUrl(elsewhere).get(), 410, "syncStateNotFound");
    }

    @Test
    void optionsOtherThanSelectAreRefusedLikeOutlookDoes() {
        assertGraphError(() -> delta().get(request -> request.queryParameters.filter = "surname eq 'x'"), 400, "BadRequest");
        assertGraphError(() -> delta().get(request -> request.queryParameters.select = new String[] {"nickname"}), 400, "BadRequest");
    }

    @Test
    void deletedFolderEndsItsDeltaLinksWith404() {
        String deltaLink = round(null, 10).deltaLink();

        graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).delete();

        assertGraphError(() -> delta().withUrl(deltaLink).get(), 404, "ErrorItemNotFound");
    }

    /** A whole round from a delta link (or the folder's first request when null), sending the page size every time. */
    private Round round(String deltaLink, int pageSize) {
        DeltaGetResponse first = deltaLink == null
                ? delta().get(request -> request.headers.add("Prefer", "odata.maxpagesize=" + pageSize))
                : delta().withUrl(deltaLink).get(request -> request.headers.add("Prefer", "odata.maxpagesize=" + pageSize));
        Round rest = first.getOdataNextLink() == null ? new Round(List.of(), first.getOdataDeltaLink()) : follow(first.getOdataNextLink(), pageSize);
        List<List<Contact>> pages = new ArrayList<>();
        pages.add(first.getValue());
        pages.addAll(rest.pages());
        return new Round(pages, rest.deltaLink());
    }

    /** The rest of a round from a next link. */
    private Round follow(String nextLink, int pageSize) {
        List<List<Contact>> pages = new ArrayList<>();
        String link = nextLink;
        while (true) {
            DeltaGetResponse page = delta().withUrl(link).get(request -> request.headers.add("Prefer", "odata.maxpagesize=" + pageSize));
            pages.add(page.getValue());
            assertThat(page.getOdataNextLink() == null).isNotEqualTo(page.getOdataDeltaLink() == null);
            if (page.getOdataNextLink() == null) {
                return new Round(pages, page.getOdataDeltaLink());
            }
            link = page.getOdataNextLink();
        }
    }

    private static String removalReason(Contact item) {
        UntypedObject removed = (UntypedObject) item.getAdditionalData().get("@removed");
        return ((UntypedString) removed.getValue().get("reason")).getValue();
    }

    private HttpResponse<String> get(String url) {
        return simulator.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + simulator.token()).GET());
    }

    private DeltaRequestBuilder delta() {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts().delta();
    }

    private com.microsoft.graph.users.item.contacts.ContactsRequestBuilder contacts() {
        return graph.users().byUserId(mailbox).contacts();
    }

    private void patchJobTitle(Contact contact, String jobTitle) {
        Contact change = new Contact();
        change.setJobTitle(jobTitle);
        contacts().byContactId(contact.getId()).patch(change);
    }

    private String createFolder(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return graph.users().byUserId(mailbox).contactFolders().post(folder).getId();
    }

    private Contact createContact(String contactNo, String surname) {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                .post(taggedContact(contactNo, "Given", surname));
    }
}
