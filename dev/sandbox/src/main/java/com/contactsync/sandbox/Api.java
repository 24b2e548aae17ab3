package com.contactsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to a running system (the sandbox's, on loopback): the services' REST APIs, the simulator's Graph
 * API and controls, Prometheus. One client for the launcher's demo and for every harness that drives the system
 * from outside (dev/bench, dev/fault-tests, dev/deploy-tests).
 *
 * <p>Made by {@link #asAdmin}, a request that names no token of its own carries an admin application token from the
 * simulator (the services require one; the simulator's controls and Prometheus ignore it). Graph requests name a
 * {@link #graphToken()}, per-user checks a {@link #personToken}.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SimulatorTokens tokens;

    /** Requests carry only the tokens they name: readiness probes, the simulator's controls, Prometheus. */
    public Api() {
        this.tokens = null;
    }

    private Api(String simulatorUrl) {
        this.tokens = new SimulatorTokens(new Api(), simulatorUrl);
    }

    /** Requests that name no token carry an admin application token of the simulator at {@code simulatorUrl}. */
    public static Api asAdmin(String simulatorUrl) {
        return new Api(simulatorUrl);
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {

        public boolean isOk() {
            return status / 100 == 2;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Fails unless 2xx, naming the request, so that a step that went wrong says which. */
        public Response ok(String what) {
            if (!isOk()) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }

        /** Graph's Retry-After in seconds (fractional in the simulator), 1 when absent. */
        public double retryAfter() {
            return headers.getOrDefault("retry-after", List.of("1")).stream().findFirst()
                    .map(Double::parseDouble).orElse(1.0);
        }
    }

    public Response get(String uri) {
        return get(uri, null);
    }

    /** With {@code bearer} (a Graph or a person's token); null: the client's own, if it has one. */
    public Response get(String uri, String bearer) {
        return send(request(uri, bearer).GET());
    }

    /** Prometheus' text format, which the actuator does not offer as JSON. */
    public Response getText(String uri) {
        return send(request(uri, null).setHeader("Accept", "text/plain").GET());
    }

    public Response send(String method, String uri, Object body) {
        return send(method, uri, body, null, "application/json");
    }

    public Response send(String method, String uri, Object body, String bearer) {
        return send(method, uri, body, bearer, "application/json");
    }

    public Response send(String method, String uri, Object body, String bearer, String contentType) {
        return send(request(uri, bearer).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response postForm(String uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The status of a GET without a token, or -1 while nothing answers (a process down or still starting). */
    public int status(String uri) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException down) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A Graph token of the simulator, renewed before it expires. */
    public String graphToken() {
        return tokens().graph();
    }

    /** A Contact Sync API token of the BC user {@code userId} (claim bc_user_id) with these application roles. */
    public String personToken(String userId, String... roles) {
        return tokens().person(userId, List.of(roles));
    }

    /** Percent-encoding for query values; a space becomes %20 rather than '+', which not every server decodes. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private SimulatorTokens tokens() {
        if (tokens == null) {
            throw new IllegalStateException("a client without a simulator has no tokens: Api.asAdmin(simulatorUrl)");
        }
        return tokens;
    }

    private HttpRequest.Builder request(String uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        String token = bearer != null ? bearer : tokens != null ? tokens.admin() : null;
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
