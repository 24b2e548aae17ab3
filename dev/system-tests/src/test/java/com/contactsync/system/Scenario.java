package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One user's world in a system test: a fresh mailbox, a user whose filter selects only this scenario's contacts
 * (a city of its own), and the moves a salesperson, BC and an operator make — all through the public APIs:
 * contact-service's and the orchestrator's REST, and Graph (the simulator) for Outlook.
 */
final class Scenario {

    static final String FOLDER = "Business Central";

    final ContactSyncSystem system;
    final String userId;
    final String mailbox;
    final String city;
    final Outlook outlook;
    private final GraphServiceClient graph;
    private final WebTestClient bc;

    Scenario(ContactSyncSystem system, boolean realtime) {
        this.system = system;
        this.userId = "user-" + UUID.randomUUID();
        this.mailbox = system.simulator.newMailbox();
        this.city = "C" + UUID.randomUUID().toString().substring(0, 12);
        this.graph = system.simulator.graph();
        this.outlook = new Outlook(graph);
        this.bc = system.client(system.contactService);
        orchestrator().put().uri("/api/v1/users/{u}", userId)
                .bodyValue(Map.of("displayName", userId, "m365Email", mailbox)).exchange().expectStatus().isOk();
        setup(Map.of("enabled", true, "folderName", FOLDER, "filter", Map.of("city", city), "realtime", realtime));
    }

    void setup(Map<String, Object> setup) {
        orchestrator().put().uri("/api/v1/users/{u}/contact-sync", userId).bodyValue(setup).exchange()
                .expectStatus().isOk();
    }

    /** A BC person in this scenario's city (so in the target set), with the given e-mail; returns its number. */
    String bcPerson(String name, String email) {
        return bcContact(Map.of("type", "PERSON", "name", name, "email", email, "city", city));
    }

    /**
     * A first contact synced by a full run, so the folder exists and the user has a delta link: the ground on which
     * a test types into Outlook and runs incremental syncs. Returns its number.
     */
    String syncedAnchor() {
        String anchor = bcPerson("Anchor", "anchor." + UUID.randomUUID() + "@example.test");
        run("FULL");
        awaitFolderHolds(anchor);
        return anchor;
    }

    String bcContact(Map<String, Object> fields) {
        Map<?, ?> created = bc.post().uri("/api/v1/contacts").bodyValue(fields).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("no");
    }

    void bcPatch(String no, Map<String, Object> changes) {
        bc.patch().uri("/api/v1/contacts/{no}", no).header("Content-Type", "application/merge-patch+json")
                .bodyValue(changes).exchange().expectStatus().isOk();
    }

    void bcDelete(String no) {
        bc.delete().uri("/api/v1/contacts/{no}", no).exchange().expectStatus().is2xxSuccessful();
    }

    /** BC contacts with this e-mail address. */
    List<Map<String, Object>> bcWithEmail(String email) {
        // A template variable, so the JSON's braces are encoded rather than read as a URI template.
        Map<?, ?> page = bc.get().uri(uri -> uri.path("/api/v1/contacts").queryParam("filter", "{filter}")
                        .build("{\"email\":\"@" + email + "\"}"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    /** A contact a person types into the folder (no tag); the folder must exist. */
    String personTypes(String displayName, String email) {
        Contact contact = new Contact();
        contact.setDisplayName(displayName);
        if (email != null) {
            EmailAddress address = new EmailAddress();
            address.setAddress(email);
            address.setName(displayName);
            contact.setEmailAddresses(List.of(address));
        }
        String folderId = outlook.folder(mailbox, FOLDER).orElseThrow().getId();
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts().post(contact)
                .getId();
    }

    void personEdits(String outlookId, Contact changes) {
        graph.users().byUserId(mailbox).contacts().byContactId(outlookId).patch(changes);
    }

    void personDeletes(String outlookId) {
        graph.users().byUserId(mailbox).contacts().byContactId(outlookId).delete();
    }

    /** Runs a sync of this user and waits until it ends; returns the finished run. */
    Map<String, Object> run(String mode) {
        String runId = startRun(mode);
        return await().atMost(Duration.ofSeconds(300)).until(() -> runView(runId),
                run -> List.of("SUCCEEDED", "PARTIAL", "FAILED").contains(run.get("status")));
    }

    String startRun(String mode) {
        return (String) orchestrator().post().uri("/api/v1/users/{u}/contact-sync/runs", userId)
                .bodyValue(Map.of("mode", mode)).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId");
    }

    /** BC contacts in this scenario's city. */
    long bcCount() {
        Map<?, ?> page = bc.get().uri(uri -> uri.path("/api/v1/contacts").queryParam("filter", "{filter}")
                        .queryParam("size", 1).build("{\"city\":\"" + city + "\"}"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) page.get("totalItems")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Map<String, Object> run) {
        return (Map<String, Object>) run.get("counts");
    }

    /** Waits until the folder holds exactly these BC contacts, tagged, one each; returns them by number. */
    Map<String, Contact> awaitFolderHolds(String... contactNos) {
        return await().atMost(Duration.ofSeconds(90)).until(this::taggedContacts,
                tagged -> tagged.keySet().equals(Set.of(contactNos)));
    }

    /** The folder's tagged contacts by number; fails on two contacts with one tag (S12). */
    Map<String, Contact> taggedContacts() {
        Map<String, Contact> byNo = new HashMap<>();
        for (Contact contact : outlook.contacts(mailbox, FOLDER)) {
            Outlook.bcContactNo(contact).ifPresent(no -> {
                Contact previous = byNo.put(no, contact);
                assertThat(previous).as("S12: two Outlook contacts tagged %s", no).isNull();
            });
        }
        return byNo;
    }

    List<Contact> untaggedContacts() {
        return outlook.contacts(mailbox, FOLDER).stream()
                .filter(contact -> Outlook.bcContactNo(contact).isEmpty()).toList();
    }

    /** The orchestrator as it is now: a test may have restarted it. */
    private WebTestClient orchestrator() {
        return system.client(system.orchestrator);
    }

    private Map<String, Object> runView(String runId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> run = orchestrator().get().uri("/api/v1/users/{u}/contact-sync/runs/{r}", userId, runId)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return run;
    }
}
