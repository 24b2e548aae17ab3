package com.contactsync.graphsim;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulator per test JVM, started as the sandbox starts it, on a free port; tests talk to it only over HTTP.
 * Published in this module's test jar for other modules' tests, as their view of Outlook that is independent of
 * the code under test.
 */
public final class RunningSimulator {

    public static final String TENANT = "sandbox";
    public static final String CLIENT_ID = "contactsync-sandbox";
    public static final String CLIENT_SECRET = "sandbox-secret";
    public static final String SCOPE = "https://graph.microsoft.com/.default";

    private static RunningSimulator instance;

    final int port;
    final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningSimulator(int port) {
        this.port = port;
    }

    public static synchronized RunningSimulator get() {
        if (instance == null) {
            var context = (WebServerApplicationContext) GraphSimulatorApplication.application().run("--server.port=0");
            instance = new RunningSimulator(context.getWebServer().getPort());
        }
        return instance;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String tokenUrl() {
        return url("/" + TENANT + "/oauth2/v2.0/token");
    }

    HttpResponse<String> requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public String token() {
        HttpResponse<String> response = requestToken(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "scope", SCOPE));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("access_token").asString();
    }

    /** A fresh mailbox, so tests never see each other's folders. */
    public String newMailbox() {
        String upn = "user-" + UUID.randomUUID() + "@contoso.test";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/_simulator/mailboxes/" + upn)))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("provisioning answered " + response.statusCode());
        }
        return upn;
    }

    /**
     * Changes a mailbox's settings (provisioning it when missing): {@code {"accessDenied": true}} models an
     * application access policy, {@code {"deltaTokenLifetime": "PT0S"}} expires its delta links.
     */
    public void mailboxSettings(String upn, String json) {
        control("PUT", "/_simulator/mailboxes/" + upn, json);
    }

    /**
     * Sets the limits for every mailbox: a JSON object with some of {@code enabled}, {@code maxConcurrentRequests},
     * {@code requestsPerWindow}, {@code window} (ISO-8601) and {@code timeScale}; fields left out are Graph's.
     * {@code "{}"} restores Graph's limits, {@code {"enabled": false}} turns them off.
     */
    public void limits(String json) {
        control("PUT", "/_simulator/limits", json);
    }

    /** Sets the limits of one mailbox, which then no longer follows the global ones. */
    public void limits(String upn, String json) {
        control("PUT", "/_simulator/limits/" + upn, json);
    }

    /**
     * Sets the injected faults for every mailbox: a JSON object with some of {@code latencyMs},
     * {@code latencyJitterMs}, {@code serverErrorRate}, {@code serverErrorStatuses}, {@code throttleRate},
     * {@code retryAfterSeconds}, {@code commitThenFailRate} and {@code seed}. {@code "{}"} injects nothing.
     */
    public void faults(String json) {
        control("PUT", "/_simulator/faults", json);
    }

    /** Sets the injected faults of one mailbox, which then no longer follows the global ones. */
    public void faults(String upn, String json) {
        control("PUT", "/_simulator/faults/" + upn, json);
    }

    /** Sends a JSON body to a control under {@code /_simulator/} and returns its answer. */
    public JsonNode control(String method, String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : this.json.readTree(response.body());
    }

    /** The real Graph SDK, pointed at the simulator, authenticating with a token from the simulator. */
    public GraphServiceClient graph() {
        String token = token();
        return graph(new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                // The SDK sends the token only to listed hosts; Graph's own hosts are its default
                return new AllowedHostsValidator("localhost");
            }
        }));
    }

    GraphServiceClient graph(AuthenticationProvider authentication) {
        GraphServiceClient client = new GraphServiceClient(authentication, GraphClientFactory.create().build());
        client.getRequestAdapter().setBaseUrl(url("/v1.0"));
        return client;
    }

    public JsonNode stats() {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(url("/_simulator/stats"))).GET()).body());
    }

    public void reset() {
        send(HttpRequest.newBuilder(URI.create(url("/_simulator/reset"))).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * How many requests the simulator answered with this method, path pattern and status since its last reset,
     * top-level and inside batches.
     */
    public long requests(String method, String pathPattern, int status) {
        return requests(method, pathPattern, status, null);
    }

    /** @param batch true for steps of {@code $batch} requests only, false for top-level requests only, null for both */
    public long requests(String method, String pathPattern, int status, Boolean batch) {
        long count = 0;
        for (JsonNode row : stats().get("requests")) {
            if (row.get("method").asString().equals(method) && row.get("path").asString().equals(pathPattern)
                    && row.get("status").asInt() == status && (batch == null || row.get("batch").asBoolean() == batch)) {
                count += row.get("count").asLong();
            }
        }
        return count;
    }
}
