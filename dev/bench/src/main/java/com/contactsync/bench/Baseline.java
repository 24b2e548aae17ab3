package com.contactsync.bench;

import com.contactsync.sandbox.Api;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Business Central's classic Outlook contact sync, as the yardstick: read every contact of the folder, then one
 * Graph request per BC contact to sync (PATCH when a folder contact has its e-mail, else POST), one after the other,
 * waiting as a 429 says. Plain HTTP against the same simulator as the system.
 */
final class Baseline {

    /** What one classic pass did. */
    record Pass(long httpRequests, long writes, long throttled, double seconds) {
    }

    private final Api api;
    private final Simulator simulator;

    Baseline(Api api, Simulator simulator) {
        this.api = api;
        this.simulator = simulator;
    }

    /** One classic pass of {@code contacts} (contact-service's JSON) into the mailbox's folder. */
    Pass sync(String mailbox, String folder, List<JsonNode> contacts) {
        long began = System.nanoTime();
        Counter counter = new Counter();
        String users = simulator.graph() + "/users/" + mailbox;
        JsonNode found = counter.call(() -> api.get(users + "/contactFolders?$filter="
                + Api.encode("displayName eq '" + folder + "'"), simulator.token())).json();
        String folderId = found.path("value").isEmpty()
                ? counter.call(() -> api.send("POST", users + "/contactFolders", Map.of("displayName", folder),
                        simulator.token())).json().required("id").asString()
                : found.path("value").get(0).required("id").asString();
        Map<String, String> idByEmail = new HashMap<>();
        String next = users + "/contactFolders/" + folderId + "/contacts?$top=1000&$select=emailAddresses";
        while (next != null) {
            String page = next;
            JsonNode answer = counter.call(() -> api.get(page, simulator.token())).json();
            for (JsonNode c : answer.path("value")) {
                for (JsonNode e : c.path("emailAddresses")) {
                    idByEmail.putIfAbsent(e.path("address").asString().toLowerCase(Locale.ROOT),
                            c.path("id").asString());
                }
            }
            next = answer.hasNonNull("@odata.nextLink") ? answer.get("@odata.nextLink").asString() : null;
        }
        for (JsonNode contact : contacts) {
            Map<String, Object> body = outlookContact(contact);
            String id = idByEmail.get(contact.path("email").asString().toLowerCase(Locale.ROOT));
            String uri = users + "/contactFolders/" + folderId + "/contacts" + (id == null ? "" : "/" + id);
            counter.call(() -> api.send(id == null ? "POST" : "PATCH", uri, body, simulator.token()));
            counter.writes++;
        }
        return new Pass(counter.requests, counter.writes, counter.throttled, (System.nanoTime() - began) / 1e9);
    }

    /** The fields BC's classic sync maps; enough for equal-sized requests, not a copy of the system's mapping. */
    private static Map<String, Object> outlookContact(JsonNode c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", c.path("firstName").asString(""));
        body.put("surname", c.path("surname").asString(""));
        body.put("displayName", c.path("name").asString(""));
        body.put("jobTitle", c.path("jobTitle").asString(""));
        body.put("companyName", c.path("companyName").asString(""));
        body.put("businessPhones", c.hasNonNull("phoneNo") ? List.of(c.get("phoneNo").asString()) : List.of());
        body.put("emailAddresses", List.of(Map.of("name", c.path("name").asString(""),
                "address", c.path("email").asString())));
        body.put("businessAddress", Map.of("city", c.path("city").asString("")));
        return body;
    }

    /** Sends one request until it is not throttled, counting every attempt. */
    private static final class Counter {
        long requests;
        long writes;
        long throttled;

        Api.Response call(java.util.function.Supplier<Api.Response> request) {
            while (true) {
                requests++;
                Api.Response r = request.get();
                if (r.status() != 429) {
                    return r.ok("the classic sync's request");
                }
                throttled++;
                try {
                    TimeUnit.MILLISECONDS.sleep(Math.max(1, (long) (r.retryAfter() * 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }
}
