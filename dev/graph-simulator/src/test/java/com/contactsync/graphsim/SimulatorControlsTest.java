package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The test controls: provisioning, reset, request statistics; and exact state under concurrent writes. */
class SimulatorControlsTest {

    private static final String CONTACTS_IN_FOLDER = "/v1.0/users/{id}/contactFolders/{id}/contacts";

    private final RunningSimulator simulator = RunningSimulator.get();

    @Test
    void provisioningIsIdempotentAndAnswers201Then200() {
        String upn = "Repeat-" + System.nanoTime() + "@contoso.test";
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/mailboxes/" + upn)))
                .PUT(HttpRequest.BodyPublishers.noBody());

        var first = simulator.send(put);
        var second = simulator.send(put);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(simulator.json.readTree(second.body()).get("id")).isEqualTo(simulator.json.readTree(first.body()).get("id"));
    }

    @Test
    void mailboxIsFoundByUpnInAnyCaseAndByItsId() {
        String upn = simulator.newMailbox();
        GraphServiceClient graph = simulator.graph();
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName("Business Central");
        graph.users().byUserId(upn).contactFolders().post(folder);
        String id = simulator.json.readTree(simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/mailboxes/" + upn)))
                .PUT(HttpRequest.BodyPublishers.noBody())).body()).get("id").asString();

        assertThat(graph.users().byUserId(upn.toUpperCase()).contactFolders().get().getValue()).hasSize(1);
        assertThat(graph.users().byUserId(id).contactFolders().get().getValue()).hasSize(1);
    }

    @Test
    void accessPolicyKeepsTheApplicationOutOfThatMailboxOnlyWith403ErrorAccessDenied() {
        String denied = simulator.newMailbox();
        String allowed = simulator.newMailbox();
        GraphServiceClient graph = simulator.graph();

        simulator.mailboxSettings(denied, "{\"accessDenied\": true}");

        assertThatThrownBy(() -> graph.users().byUserId(denied).contactFolders().get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(403);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorAccessDenied");
                    assertThat(e.getError().getMessage()).isEqualTo("Access to OData is disabled.");
                });
        assertThat(graph.users().byUserId(allowed).contactFolders().get().getValue()).isEmpty();
        simulator.mailboxSettings(denied, "{\"accessDenied\": false}");
        assertThat(graph.users().byUserId(denied).contactFolders().get().getValue()).isEmpty();
    }

    @Test
    void invalidMailboxSettingsAreRefusedWith400BeforeAnythingIsProvisioned() {
        String upn = "invalid-" + System.nanoTime() + "@contoso.test";

        for (String body : List.of("{\"accesDenied\": true}", "{\"accessDenied\": \"yes\"}", "{\"deltaTokenLifetime\": \"10 minutes\"}")) {
            var response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/mailboxes/" + upn)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        var lookup = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/mailboxes/" + upn))).GET());
        assertThat(lookup.statusCode()).isEqualTo(404);
    }

    @Test
    void mailboxSettingsChangeOnlyTheFieldsSentAndAreShownBack() {
        String upn = simulator.newMailbox();

        simulator.mailboxSettings(upn, "{\"deltaTokenLifetime\": \"PT1M\"}");
        simulator.mailboxSettings(upn, "{\"accessDenied\": true}");
        JsonNode shown = simulator.json.readTree(simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/mailboxes/" + upn)))
                .GET()).body());

        assertThat(shown.get("accessDenied").asBoolean()).isTrue();
        assertThat(shown.get("deltaTokenLifetime").asString()).isEqualTo("PT1M");
        assertThat(shown.get("userPrincipalName").asString()).isEqualTo(upn);
    }

    @Test
    void resetForgetsMailboxesAndStatistics() {
        String upn = simulator.newMailbox();
        GraphServiceClient graph = simulator.graph();
        graph.users().byUserId(upn).contactFolders().get();

        simulator.reset();

        assertThat(simulator.stats().get("total").asLong()).isZero();
        assertThatThrownBy(() -> graph.users().byUserId(upn).contactFolders().get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void statsCountRequestsByMethodPathPatternWithIdsAndStatus() {
        simulator.reset();
        String upn = simulator.newMailbox();
        GraphServiceClient graph = simulator.graph();
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName("Business Central");
        String folderId = graph.users().byUserId(upn).contactFolders().post(folder).getId();

        for (int i = 0; i < 3; i++) {
            graph.users().byUserId(upn).contactFolders().byContactFolderId(folderId).contacts().post(contact("C" + i));
        }
        graph.users().byUserId(upn).contactFolders().byContactFolderId(folderId).contacts().get();
        String unknown = "nobody@contoso.test";
        assertThatThrownBy(() -> graph.users().byUserId(unknown).contactFolders().get()).isInstanceOf(ODataError.class);

                assertThat(simulator.requests("POST", CONTACTS_IN_FOLDER, 201)).isEqualTo(3);
        assertThat(simulator.requests("GET", CONTACTS_IN_FOLDER, 200)).isEqualTo(1);
        assertThat(simulator.requests("POST", "/v1.0/users/{id}/contactFolders", 201)).isEqualTo(1);
        assertThat(simulator.requests("GET", "/v1.0/users/{id}/contactFolders", 404)).isEqualTo(1);
        assertThat(simulator.requests("POST", "/{tenant}/oauth2/v2.0/token", 200)).isEqualTo(1);
        assertThat(simulator.stats().get("total").asLong()).isEqualTo(7);
    }

    @Test
    void concurrentCreatesFromManyThreadsKeepCountsExact() throws Exception {
        simulator.reset();
        int threads = 8;
        int perThread = 40;
        List<String> upns = List.of(simulator.newMailbox(), simulator.newMailbox());
        GraphServiceClient graph = simulator.graph();
        List<String> folders = new ArrayList<>();
        for (String upn : upns) {
            ContactFolder folder = new ContactFolder();
            folder.setDisplayName("Business Central");
            folders.add(graph.users().byUserId(upn).contactFolders().post(folder).getId());
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> writer = () -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int mailbox = (thread + i) % upns.size();
                        ids.add(graph.users().byUserId(upns.get(mailbox)).contactFolders().byContactFolderId(folders.get(mailbox))
                                .contacts().post(contact("T" + thread + "-" + i)).getId());
                    }
                    return ids;
                };
                results.add(pool.submit(writer));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> result : results) {
                ids.addAll(result.get());
            }

            int listed = 0;
            for (int m = 0; m < upns.size(); m++) {
                int mailbox = m;
                listed += graph.users().byUserId(upns.get(mailbox)).contactFolders().byContactFolderId(folders.get(mailbox)).contacts()
                        .get(request -> request.queryParameters.top = 1000).getValue().size();
            }
            assertThat(ids).hasSize(threads * perThread);
            assertThat(listed).isEqualTo(threads * perThread);
            assertThat(simulator.requests("POST", CONTACTS_IN_FOLDER, 201)).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Contact contact(String surname) {
        Contact contact = new Contact();
        contact.setGivenName("Test");
        contact.setSurname(surname);
        return contact;
    }
}
