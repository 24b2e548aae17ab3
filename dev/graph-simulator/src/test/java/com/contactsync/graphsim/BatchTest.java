package com.contactsync.graphsim;

import static com.contactsync.graphsim.GraphSdkContactsTest.taggedContact;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.content.BatchResponseContentCollection;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON batching: the SDK's batch content classes and hand-written batches against {@code POST /v1.0/$batch}. */
class BatchTest {

    private static final String CONTACTS_IN_FOLDER = "/v1.0/users/{id}/contactFolders/{id}/contacts";

    private final RunningSimulator simulator = RunningSimulator.get();
    private final GraphServiceClient graph = simulator.graph();
    private final String mailbox = simulator.newMailbox();
    private final String folderId = createFolder();

    @Test
    void sdkBatchAnswersEveryStepWithItsOwnStatusHeadersAndBody() throws Exception {
        Contact existing = contacts().post(taggedContact("CT300001", "Ada", "Lovelace"));
        Contact stale = new Contact();
        stale.setJobTitle("stale");

        BatchRequestContent batch = new BatchRequestContent(graph);
        String create = batch.addBatchRequestStep(contacts().toPostRequestInformation(taggedContact("CT300002", "Grace", "Hopper")));
        String read = batch.addBatchRequestStep(graph.users().byUserId(mailbox).contacts().byContactId(existing.getId()).toGetRequestInformation());
        String conflict = batch.addBatchRequestStep(graph.users().byUserId(mailbox).contacts().byContactId(existing.getId())
                .toPatchRequestInformation(stale, request -> request.headers.add("If-Match", "W/\"not-the-change-key\"")));
        String missing = batch.addBatchRequestStep(graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId)
                .contacts().byContactId("AAMkAunknown=").toGetRequestInformation());
        BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);

        assertThat(response.getResponsesStatusCode())
                .containsExactlyInAnyOrderEntriesOf(Map.of(create, 201, read, 200, conflict, 412, missing, 404));
        Contact created = response.getResponseById(create, Contact::createFromDiscriminatorValue);
        assertThat(created.getSurname()).isEqualTo("Hopper");
        assertThat(created.getChangeKey()).isNotBlank();
        assertThat(response.getResponseById(read, Contact::createFromDiscriminatorValue).getChangeKey()).isEqualTo(existing.getChangeKey());
        assertThat(response.getResponseById(create).header("Content-Type")).startsWith("application/json");
        assertThat(response.getResponseById(conflict).body().string()).contains("ErrorIrresolvableConflict");
        assertThat(contacts().get().getValue()).extracting(Contact::getSurname).containsExactlyInAnyOrder("Lovelace", "Hopper");
    }

    @Test
    void sdkBatchCollectionSplitsMoreThanTwentyStepsAndEveryStepLands() throws Exception {
        BatchRequestContentCollection batches = new BatchRequestContentCollection(graph);
        for (int i = 0; i < 25; i++) {
            batches.addBatchRequestStep(contacts().toPostRequestInformation(taggedContact("CT3100%02d".formatted(i), "Given", "Surname" + i)));
        }

        BatchResponseContentCollection responses = graph.getBatchRequestBuilder().post(batches, null);

        assertThat(responses.getResponsesStatusCodes()).hasSize(25).allSatisfy((id, status) -> assertThat(status).isEqualTo(201));
        assertThat(contacts().get(request -> request.queryParameters.top = 100).getValue()).hasSize(25);
        assertThat(simulator.requests("POST", "/v1.0/$batch", 200, false)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dependentsOfAFailedStepGet424AndIndependentStepsStillRun() {
        ArrayNode requests = JsonNodeFactory.instance.arrayNode();
        requests.add(step("1", "GET", "/users/" + mailbox + "/contacts/AAMkAunknown="));
        requests.add(step("2", "GET", "/users/" + mailbox + "/contactFolders").set("dependsOn", array("1")));
        requests.add(step("3", "GET", "/users/" + mailbox + "/contactFolders").set("dependsOn", array("2")));
        requests.add(step("4", "GET", "users/" + mailbox + "/contactFolders/" + folderId));

        Map<String, JsonNode> answers = byId(postBatch(requests));

        assertThat(answers.get("1").get("status").asInt()).isEqualTo(404);
        assertThat(answers.get("2").get("status").asInt()).isEqualTo(424);
        assertThat(answers.get("3").get("status").asInt()).isEqualTo(424);
        assertThat(answers.get("4").get("status").asInt()).isEqualTo(200);
        assertThat(answers.get("4").get("body").get("id").asString()).isEqualTo(folderId);
    }

    @Test
    void stepRunsAfterTheStepItDependsOn() {
        ArrayNode requests = JsonNodeFactory.instance.arrayNode();
        requests.add(step("list", "GET", "/users/" + mailbox + "/contactFolders/" + folderId + "/contacts").set("dependsOn", array("create")));
        requests.add(createStep("create", "CT320001"));

        Map<String, JsonNode> answers = byId(postBatch(requests));

        assertThat(answers.get("create").get("status").asInt()).isEqualTo(201);
        assertThat(answers.get("list").get("status").asInt()).isEqualTo(200);
        assertThat(answers.get("list").get("body").get("value")).hasSize(1);
    }

    @Test
    void moreThanTwentyRequestsAreRefusedWith400AndNothingRuns() {
        ArrayNode requests = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 21; i++) {
            requests.add(createStep(String.valueOf(i), "CT3300%02d".formatted(i)));
        }

        HttpResponse<String> response = sendBatch(requests);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(simulator.json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("BadRequest");
        assertThat(contacts().get().getValue()).isEmpty();
    }

    @Test
    void stepWithABodyButNoContentTypeIsRefusedWith400() {
        ObjectNode create = createStep("1", "CT340001");
        ((ObjectNode) create.get("headers")).remove("Content-Type");

        HttpResponse<String> response = sendBatch(JsonNodeFactory.instance.arrayNode().add(create));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Content-Type");
        assertThat(contacts().get().getValue()).isEmpty();
    }

    @Test
    void duplicateIdsAndUnknownDependenciesAreRefusedWith400() {
        ArrayNode duplicate = JsonNodeFactory.instance.arrayNode()
                .add(step("a", "GET", "/users/" + mailbox + "/contactFolders"))
                .add(step("A", "GET", "/users/" + mailbox + "/contactFolders"));
        ArrayNode unknownDependency = JsonNodeFactory.instance.arrayNode()
                .add(step("a", "GET", "/users/" + mailbox + "/contactFolders").set("dependsOn", array("b")));
        ArrayNode cycle = JsonNodeFactory.instance.arrayNode()
                .add(step("a", "GET", "/users/" + mailbox + "/contactFolders").set("dependsOn", array("b")))
                .add(step("b", "GET", "/users/" + mailbox + "/contactFolders").set("dependsOn", array("a")));

        assertThat(sendBatch(duplicate).statusCode()).isEqualTo(400);
        assertThat(sendBatch(unknownDependency).statusCode()).isEqualTo(400);
        assertThat(sendBatch(cycle).statusCode()).isEqualTo(400);
    }

    @Test
    void batchWithoutATokenIsRefusedWith401AsAWhole() {
        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/$batch")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batchBody(JsonNodeFactory.instance.arrayNode().add(createStep("1", "CT350001"))))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(contacts().get().getValue()).isEmpty();
    }

    @Test
    void eachStepIsCountedInTheStatisticsTaggedAsBatch() {
        simulator.reset();
        String upn = simulator.newMailbox();
        String folder = graph.users().byUserId(upn).contactFolders().post(folder("Business Central")).getId();
        ArrayNode requests = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 3; i++) {
            requests.add(step(String.valueOf(i), "POST", "/users/" + upn + "/contactFolders/" + folder + "/contacts")
                    .<ObjectNode>set("body", simulator.json.valueToTree(Map.of("surname", "S" + i)))
                    .set("headers", JsonNodeFactory.instance.objectNode().put("Content-Type", "application/json")));
        }

        postBatch(requests);

        assertThat(simulator.requests("POST", CONTACTS_IN_FOLDER, 201, true)).isEqualTo(3);
        assertThat(simulator.requests("POST", CONTACTS_IN_FOLDER, 201, false)).isZero();
        assertThat(simulator.requests("POST", "/v1.0/$batch", 200, false)).isEqualTo(1);
    }

    private JsonNode postBatch(ArrayNode requests) {
        HttpResponse<String> response = sendBatch(requests);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return simulator.json.readTree(response.body());
    }

    private HttpResponse<String> sendBatch(ArrayNode requests) {
        return simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/$batch")))
                .header("Authorization", "Bearer " + simulator.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batchBody(requests))));
    }

    private static String batchBody(ArrayNode requests) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("requests", requests);
        return body.toString();
    }

    private static Map<String, JsonNode> byId(JsonNode batchResponse) {
        Map<String, JsonNode> answers = new HashMap<>();
        batchResponse.get("responses").forEach(answer -> answers.put(answer.get("id").asString(), answer));
        return answers;
    }

    private static ObjectNode step(String id, String method, String url) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("method", method).put("url", url);
    }

    private ObjectNode createStep(String id, String contactNo) {
        ObjectNode step = step(id, "POST", "/users/" + mailbox + "/contactFolders/" + folderId + "/contacts");
        step.putObject("headers").put("Content-Type", "application/json");
        step.putObject("body").put("surname", contactNo);
        return step;
    }

    private static ArrayNode array(String... values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        List.of(values).forEach(array::add);
        return array;
    }

    private com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder contacts() {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts();
    }

    private static ContactFolder folder(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return folder;
    }

    private String createFolder() {
        return graph.users().byUserId(mailbox).contactFolders().post(folder("Business Central")).getId();
    }
}
