package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Entra ID's client-credentials endpoint as the simulator plays it, and the bearer check on every Graph request. */
class TokenEndpointTest {

    private final RunningSimulator simulator = RunningSimulator.get();

    @Test
    void sandboxCredentialsGetABearerTokenThatGraphRequestsAccept() {
        HttpResponse<String> response = simulator.requestToken(validForm());
        JsonNode body = simulator.json.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(graphStatus("Bearer " + body.get("access_token").asString())).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}={1} → {2} {3}")
    @CsvSource({
            "client_secret, guess, 401, invalid_client, 7000215",
            "client_id, someone-else, 400, unauthorized_client, 700016",
            "grant_type, password, 400, unsupported_grant_type, 70003",
            "scope, Contacts.ReadWrite, 400, invalid_scope, 1002012"})
    void wrongParameterIsRefusedWithEntraIdsErrorAndNoToken(String parameter, String value, int status, String error, int aadstsCode) {
        Map<String, String> form = validForm();
        form.put(parameter, value);

        HttpResponse<String> response = simulator.requestToken(form);
        JsonNode body = simulator.json.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(aadstsCode);
        assertThat(body.get("error_description").asString()).startsWith("AADSTS" + aadstsCode + ":");
        assertThat(body.has("access_token")).isFalse();
    }

    @Test
    void unknownTenantIsRefusedWith400() {
        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/other/oauth2/v2.0/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=contactsync-sandbox"
                        + "&client_secret=sandbox-secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(simulator.json.readTree(response.body()).get("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void graphRefusesMissingTamperedAndForeignTokensWith401() {
        String token = simulator.token();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        String foreign = parts[0] + "." + parts[1] + "." + "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ";

        assertThat(graphStatus(null)).isEqualTo(401);
        assertThat(graphStatus("Bearer ")).isEqualTo(401);
        assertThat(graphStatus("Bearer " + tampered)).isEqualTo(401);
        assertThat(graphStatus("Bearer " + foreign)).isEqualTo(401);
        assertThat(graphStatus("Basic " + token)).isEqualTo(401);
    }

    @Test
    void unauthorizedAnswerHasGraphsErrorShape() {
        HttpResponse<String> response = simulator.send(graphRequest().header("client-request-id", "my-request-1"));
        JsonNode error = simulator.json.readTree(response.body()).get("error");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error.get("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("innerError").get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(error.get("innerError").get("request-id").asString()).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(error.get("innerError").get("client-request-id").asString()).isEqualTo("my-request-1");
    }

    private int graphStatus(String authorization) {
        HttpRequest.Builder request = graphRequest();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return simulator.send(request).statusCode();
    }

    private HttpRequest.Builder graphRequest() {
        return HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + simulator.newMailbox() + "/contactFolders"))).GET();
    }

    private static Map<String, String> validForm() {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", RunningSimulator.CLIENT_ID);
        form.put("client_secret", RunningSimulator.CLIENT_SECRET);
        form.put("scope", RunningSimulator.SCOPE);
        return form;
    }
}
