package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Injected faults: 5xx, 429 storms, commit-then-fail creates, per mailbox or global, seeded for repeatable runs. */
class FaultsTest {

    private final RunningSimulator simulator = RunningSimulator.get();
    private final String token = simulator.token();
    private final String mailbox = simulator.newMailbox();

    @AfterEach
    void noFaults() {
        simulator.faults("{}");
    }

    @Test
    void serverErrorFailsTheRequestWithGraphsErrorJsonAndRetryAfterOn503AndStoresNothing() {
        simulator.faults(mailbox, "{\"serverErrorRate\": 1, \"serverErrorStatuses\": [503], \"retryAfterSeconds\": 2}");

        HttpResponse<String> response = createContact(mailbox, "Lovelace");
        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        JsonNode error = simulator.json.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("serviceNotAvailable");
        assertThat(error.get("innerError").get("request-id").asString()).isNotBlank();
        assertThat(contacts(mailbox)).isEmpty();
    }

    @Test
    void everyListedServerErrorStatusOccurs() {
        simulator.faults(mailbox, "{\"serverErrorRate\": 1, \"seed\": 7}");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(listFolders(mailbox).statusCode());
        }

        assertThat(statuses).containsOnly(500, 503, 504).contains(500, 503, 504);
    }

    @Test
    void seededFaultsRepeatTheSameSequenceOfAnswers() {
        simulator.faults(mailbox, "{\"serverErrorRate\": 0.5, \"seed\": 42}");
        List<Integer> first = statuses(20);
        simulator.faults(mailbox, "{\"serverErrorRate\": 0.5, \"seed\": 42}");
        List<Integer> second = statuses(20);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200).containsAnyOf(500, 503, 504);
    }

    @Test
    void throttleStormGives429RegardlessOfTheLimitsAndIsCountedByCause() {
        simulator.faults(mailbox, "{\"throttleRate\": 1, \"retryAfterSeconds\": 0.25}");
        long before = cause("ThrottleStorm");

        HttpResponse<String> response = listFolders(mailbox);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("0.25");
        assertThat(simulator.json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("TooManyRequests");
        assertThat(cause("ThrottleStorm")).isEqualTo(before + 1);
    }

    @Test
    void commitThenFailStoresTheContactButAnswers504AndLeavesOtherRequestsAlone() {
        simulator.faults(mailbox, "{\"commitThenFailRate\": 1}");
        long before = cause("CommitThenFail");

        HttpResponse<String> create = createContact(mailbox, "Hopper");
        HttpResponse<String> list = listFolders(mailbox);
        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);

        assertThat(create.statusCode()).isEqualTo(504);
        assertThat(simulator.json.readTree(create.body()).get("error").get("code").asString()).isNotBlank();
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(contacts(mailbox)).extracting(contact -> contact.get("surname").asString()).containsExactly("Hopper");
        assertThat(cause("CommitThenFail")).isEqualTo(before + 1);
    }

    @Test
    void commitThenFailInsideABatchStoresTheContactAndAnswersTheStepWith504() {
        simulator.faults(mailbox, "{\"commitThenFailRate\": 1}");
        String body = "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/users/" + mailbox + "/contacts\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"surname\":\"Liskov\"}}]}";

        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/$batch")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.json.readTree(response.body()).get("responses").get(0).get("status").asInt()).isEqualTo(504);
        assertThat(contacts(mailbox)).extracting(contact -> contact.get("surname").asString()).containsExactly("Liskov");
    }

    @Test
    void faultsOfOneMailboxLeaveTheOthersAloneAndGlobalFaultsReachAll() {
        String other = simulator.newMailbox();
        simulator.faults(mailbox, "{\"serverErrorRate\": 1}");

        assertThat(listFolders(mailbox).statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(listFolders(other).statusCode()).isEqualTo(200);

        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
        simulator.faults("{\"throttleRate\": 1}");
        assertThat(listFolders(mailbox).statusCode()).isEqualTo(429);
        assertThat(listFolders(other).statusCode()).isEqualTo(429);
    }

    @Test
    void invalidFaultsAreRefusedWith400() {
        for (String body : List.of("{\"serverErrorStatuses\": [502]}", "{\"serverErrorRate\": 1.5}", "{\"latencyMs\": -1}",
                "{\"latency\": 10}")) {
            assertThatThrownBy(() -> simulator.faults(body)).as(body).hasMessageContaining("answered 400");
        }
        assertThat(listFolders(mailbox).statusCode()).isEqualTo(200);
    }

    @Test
    void resetRestoresNoFaultsAndGraphsLimits() {
        simulator.faults("{\"serverErrorRate\": 1}");
        simulator.limits("{\"enabled\": false}");

        simulator.reset();

        JsonNode faults = simulator.control("GET", "/_simulator/faults", null).get("global");
        JsonNode limits = simulator.control("GET", "/_simulator/limits", null).get("global");
        assertThat(faults.get("serverErrorRate").asDouble()).isZero();
        assertThat(limits.get("enabled").asBoolean()).isTrue();
        String upn = simulator.newMailbox();
        assertThat(listFolders(upn).statusCode()).isEqualTo(200);
    }

    private List<Integer> statuses(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(listFolders(mailbox).statusCode());
        }
        return statuses;
    }

    private long cause(String cause) {
        JsonNode count = simulator.stats().get("causes").get(cause);
        return count == null ? 0 : count.asLong();
    }

    private List<JsonNode> contacts(String upn) {
        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + upn + "/contacts")))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> contacts = new ArrayList<>();
        simulator.json.readTree(response.body()).get("value").forEach(contacts::add);
        return contacts;
    }

    private HttpResponse<String> createContact(String upn, String surname) {
        return simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + upn + "/contacts")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surname\":\"" + surname + "\"}")));
    }

    private HttpResponse<String> listFolders(String upn) {
        return simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + upn + "/contactFolders")))
                .header("Authorization", "Bearer " + token).GET());
    }
}
