package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Outlook's per-mailbox limits: concurrency and requests per window, time-scaled, also for steps inside a batch. */
class LimitsTest {

    private final RunningSimulator simulator = RunningSimulator.get();
    private final String token = simulator.token();
    private final String mailbox = simulator.newMailbox();

    @AfterEach
    void restoreGraphsLimitsAndNoFaults() {
        simulator.limits("{}");
        simulator.faults("{}");
    }

    @Test
    void defaultsAreGraphsOwnLimits() {
        JsonNode global = simulator.control("GET", "/_simulator/limits", null).get("global");

        assertThat(global.get("enabled").asBoolean()).isTrue();
        assertThat(global.get("maxConcurrentRequests").asInt()).isEqualTo(4);
        assertThat(global.get("requestsPerWindow").asInt()).isEqualTo(10_000);
        assertThat(Duration.parse(global.get("window").asString())).isEqualTo(Duration.ofMinutes(10));
        assertThat(global.get("timeScale").asDouble()).isEqualTo(1.0);
    }

    @Test
    void requestsBeyondTheWindowsLimitGet429TooManyRequestsWithRetryAfterForThatMailboxOnly() {
        String other = simulator.newMailbox();
        simulator.limits(mailbox, "{\"requestsPerWindow\": 5}");

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(listFolders(mailbox));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 200, 429, 429);
        HttpResponse<String> throttled = responses.get(6);
        assertThat(errorCode(throttled)).isEqualTo("TooManyRequests");
        assertThat(Double.parseDouble(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive().isLessThanOrEqualTo(600);
        assertThat(listFolders(other).statusCode()).isEqualTo(200);
        assertThat(simulator.stats().get("causes").get("RequestRate").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void timeScaleShrinksTheWindowSoAClientThatWaitsAsToldGetsThrough() {
        simulator.limits(mailbox, "{\"requestsPerWindow\": 3, \"window\": \"PT1M\", \"timeScale\": 60}");
        for (int i = 0; i < 3; i++) {
            assertThat(listFolders(mailbox).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> throttled = listFolders(mailbox);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Double.parseDouble(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive().isLessThanOrEqualTo(1.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> listFolders(mailbox).statusCode() == 200);
    }

    @Test
    void fifthConcurrentRequestOfAMailboxGets429ApplicationThrottled() {
        simulator.faults(mailbox, "{\"latencyMs\": 600000}");
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            held.add(client.sendAsync(listFoldersRequest(mailbox).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(mailbox) == 4);

        HttpResponse<String> fifth = listFolders(mailbox);
        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(errorCode(fifth)).isEqualTo("ApplicationThrottled");
        assertThat(simulator.json.readTree(fifth.body()).get("error").get("message").asString())
                .isEqualTo("Application is over its MailboxConcurrency limit.");
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(held).allSatisfy(request -> assertThat(request.join().statusCode()).isEqualTo(200));
        assertThat(inFlight(mailbox)).isZero();
    }

    @Test
    void everyStepOfABatchCountsAgainstTheMailboxsLimits() {
        simulator.limits(mailbox, "{\"requestsPerWindow\": 5}");
        ArrayNode requests = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 8; i++) {
            requests.addObject().put("id", String.valueOf(i)).put("method", "GET").put("url", "/users/" + mailbox + "/contactFolders");
        }

        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/$batch")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"requests\":" + requests + "}")));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> answers = new ArrayList<>();
        simulator.json.readTree(response.body()).get("responses").forEach(answers::add);
        assertThat(answers).filteredOn(answer -> answer.get("status").asInt() == 200).hasSize(5);
        assertThat(answers).filteredOn(answer -> answer.get("status").asInt() == 429).hasSize(3).allSatisfy(answer -> {
            assertThat(answer.get("headers").get("Retry-After").asString()).isNotBlank();
            assertThat(answer.get("body").get("error").get("code").asString()).isEqualTo("TooManyRequests");
        });
        assertThat(simulator.requests("GET", "/v1.0/users/{id}/contactFolders", 429, true)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void disabledLimitsLetEveryRequestThrough() {
        simulator.limits(mailbox, "{\"enabled\": false, \"requestsPerWindow\": 1}");

        for (int i = 0; i < 3; i++) {
            assertThat(listFolders(mailbox).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void invalidLimitsAreRefusedWith400AndChangeNothing() {
        for (String body : List.of("{\"maxConcurrentRequests\": 0}", "{\"timeScale\": -1}", "{\"windw\": \"PT1M\"}",
                "{\"window\": \"ten minutes\"}")) {
            assertThatThrownBy(() -> simulator.limits(body)).as(body).hasMessageContaining("answered 400");
        }
        assertThat(simulator.control("GET", "/_simulator/limits", null).get("global").get("maxConcurrentRequests").asInt()).isEqualTo(4);
    }

    @Test
    void mailboxLimitsAreShownAndRemovedBackToTheGlobalOnes() {
        simulator.limits(mailbox, "{\"requestsPerWindow\": 1}");
        JsonNode shown = simulator.control("GET", "/_simulator/limits", null);

        simulator.control("DELETE", "/_simulator/limits/" + mailbox, null);

        assertThat(shown.get("mailboxes").get(mailbox).get("requestsPerWindow").asInt()).isEqualTo(1);
        assertThat(listFolders(mailbox).statusCode()).isEqualTo(200);
        assertThat(listFolders(mailbox).statusCode()).isEqualTo(200);
    }

    private int inFlight(String upn) {
        JsonNode usage = simulator.control("GET", "/_simulator/limits", null).get("usage").get(upn);
        return usage == null ? 0 : usage.get("inFlight").asInt();
    }

    private String errorCode(HttpResponse<String> response) {
        return simulator.json.readTree(response.body()).get("error").get("code").asString();
    }

    private HttpResponse<String> listFolders(String upn) {
        return simulator.send(listFoldersRequest(upn));
    }

    private HttpRequest.Builder listFoldersRequest(String upn) {
        return HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + upn + "/contactFolders")))
                .header("Authorization", "Bearer " + token)
                .GET();
    }
}
