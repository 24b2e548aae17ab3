package com.contactsync.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the system's public APIs (REST of the services, the simulator's Graph API and controls). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Response ok(String what) {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    Response get(String uri) {
        return get(uri, null);
    }

    Response get(String uri, String bearer) {
        return send(request(uri, bearer).GET());
    }

    Response send(String method, String uri, Object body) {
        return send(method, uri, body, null);
    }

    Response send(String method, String uri, Object body, String bearer) {
        return send(request(uri, bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response postForm(String uri, String form) {
        return send(request(uri, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The status of a GET, or -1 while nothing answers (a process that is down or starting). */
    int status(String uri) {
        try {
            return client.send(request(uri, null).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException down) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A space as %20, not '+': not every server decodes '+' in a query. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.Builder request(String uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
