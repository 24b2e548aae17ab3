package com.contactsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the system under test (loopback): the services' REST APIs and the simulator. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Response ok(String what) {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }

        /** Graph's Retry-After in seconds (fractional in the simulator), 1 when absent. */
        double retryAfter() {
            return headers.getOrDefault("retry-after", java.util.List.of("1")).stream().findFirst()
                    .map(Double::parseDouble).orElse(1.0);
        }
    }

    Response get(String uri) {
        return get(uri, null);
    }

    Response get(String uri, String bearer) {
        return send(builder(uri, bearer).GET());
    }

    /** Prometheus' text format, which the actuator does not offer as JSON. */
    Response getText(String uri) {
        return send(builder(uri, null).setHeader("Accept", "text/plain").GET());
    }

    Response send(String method, String uri, Object body) {
        return send(method, uri, body, null, "application/json");
    }

    Response send(String method, String uri, Object body, String bearer) {
        return send(method, uri, body, bearer, "application/json");
    }

    Response send(String method, String uri, Object body, String bearer, String contentType) {
        return send(builder(uri, bearer).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response postForm(String uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(builder(uri, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Percent-encoding for query values; a space becomes %20, which every server decodes. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.Builder builder(String uri, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
