package com.contactsync.bench;

import com.contactsync.sandbox.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The Graph simulator: its controls, its request statistics, and its Graph API for reading what was written. */
final class Simulator {

    private final Api api;
    private final String url;

    Simulator(Api api, String url) {
        this.api = api;
        this.url = url;
    }

    String graph() {
        return url + "/v1.0";
    }

    String token() {
        return api.graphToken();
    }

    void provision(String mailbox) {
        api.send("PUT", url + "/_simulator/mailboxes/" + mailbox, Map.of()).ok("provisioning " + mailbox);
    }

    /** The whole global limits setting (fields left out take Graph's values). */
    void limits(Map<String, Object> setting) {
        api.send("PUT", url + "/_simulator/limits", setting).ok("setting the limits");
    }

    void mailboxLimits(String mailbox, Map<String, Object> setting) {
        api.send("PUT", url + "/_simulator/limits/" + mailbox, setting).ok("setting the limits of " + mailbox);
    }

    Stats stats() {
        return Stats.of(api.get(url + "/_simulator/stats").ok("reading the statistics").json());
    }

    /** A folder's id by name, null when the mailbox has none of that name. */
    String folderId(String mailbox, String folder) {
        JsonNode found = api.get(graph() + "/users/" + mailbox + "/contactFolders?$filter="
                + Api.encode("displayName eq '" + folder + "'"), token()).ok("finding folder " + folder).json();
        return found.path("value").isEmpty() ? null : found.path("value").get(0).required("id").asString();
    }

    /** Every contact of a folder (all pages), as the Graph API answers them with {@code select}. */
    List<JsonNode> contacts(String mailbox, String folderId, String select) {
        List<JsonNode> all = new java.util.ArrayList<>();
        String next = graph() + "/users/" + mailbox + "/contactFolders/" + folderId + "/contacts?$top=1000&$select="
                + select;
        while (next != null) {
            JsonNode page = api.get(next, token()).ok("reading contacts").json();
            page.path("value").forEach(all::add);
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asString() : null;
        }
        return all;
    }

    /**
     * The simulator's request counts at one moment. Counts only grow, so what a scenario caused is the difference
     * of two snapshots (a reset would also forget the mailboxes).
     */
    record Stats(Map<Key, Long> counts) {

        record Key(String method, String path, int status, boolean batch, String cause) {

            @Override
            public String toString() {
                return method + " " + path + " " + status + (batch ? " (batch step)" : "")
                        + (cause.isEmpty() ? "" : " " + cause);
            }
        }

        static Stats of(JsonNode json) {
            Map<Key, Long> counts = new HashMap<>();
            for (JsonNode r : json.path("requests")) {
                counts.merge(new Key(r.path("method").asString(), r.path("path").asString(),
                        r.path("status").asInt(), r.path("batch").asBoolean(),
                        r.path("cause").asString("")), r.path("count").asLong(), Long::sum);
            }
            return new Stats(counts);
        }

        Stats minus(Stats earlier) {
            Map<Key, Long> diff = new HashMap<>(counts);
            earlier.counts.forEach((k, v) -> diff.merge(k, -v, Long::sum));
            return new Stats(diff);
        }

        /** HTTP requests that reached Graph: top-level requests, the $batch envelope counted once. */
        long httpRequests() {
            return sum(k -> !k.batch() && k.path().startsWith("/v1.0"));
        }

        /** Requests Graph counts against a mailbox's limits: top-level ones and batch steps. */
        long mailboxRequests() {
            return sum(k -> k.path().startsWith("/v1.0/users"));
        }

        /** Contact creates, updates and deletes that succeeded, top-level or in a batch. */
        long contactWrites() {
            return sum(k -> k.path().contains("/contacts") && !k.method().equals("GET") && k.status() / 100 == 2);
        }

        /** Steps per {@code $batch} envelope, 0 without batches. */
        double stepsPerBatch() {
            long envelopes = sum(k -> !k.batch() && k.path().endsWith("$batch"));
            return envelopes == 0 ? 0 : (double) sum(Key::batch) / envelopes;
        }

        long throttled() {
            return sum(k -> k.status() == 429);
        }

        /** Every kind of request that happened, with its count: for the raw numbers. */
        Map<String, Long> byKind() {
            Map<String, Long> kinds = new java.util.TreeMap<>();
            counts.forEach((k, v) -> {
                if (v != 0) {
                    kinds.put(k.toString(), v);
                }
            });
            return kinds;
        }

        /** 429s by the simulator's cause (MailboxConcurrency, RequestRate). */
        Map<String, Long> throttledByCause() {
            Map<String, Long> causes = new java.util.TreeMap<>();
            counts.forEach((k, v) -> {
                if (k.status() == 429 && v != 0) {
                    causes.merge(k.cause(), v, Long::sum);
                }
            });
            return causes;
        }

        long deltaRequests() {
            return sum(k -> k.path().contains("delta"));
        }

        private long sum(java.util.function.Predicate<Key> which) {
            return counts.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }
}
