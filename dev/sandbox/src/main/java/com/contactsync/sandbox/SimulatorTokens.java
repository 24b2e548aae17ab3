package com.contactsync.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from the Graph simulator, the sandbox's issuer (docs/graph-simulator.md, "API tokens"): client
 * credentials of its one application for Contact Sync's API (an admin application token) or for Graph, each kept
 * until shortly before it expires; and a person's API token from its test control.
 */
final class SimulatorTokens {

    static final String TENANT = "sandbox";
    /** The API tokens' issuer: a fixed name, whatever address reached the simulator. */
    static final String ISSUER = "https://login.contactsync.invalid/" + TENANT + "/v2.0";
    static final String CLIENT_ID = "contactsync-sandbox";
    static final String CLIENT_SECRET = "sandbox-secret";
    static final String API_SCOPE = "api://contact-sync/.default";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    /** Renewed this long before it expires (at most half its lifetime), so that none expires on its way. */
    private static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    private final Api anonymous;
    private final String simulatorUrl;
    private final Map<String, Token> byScope = new HashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    SimulatorTokens(Api anonymous, String simulatorUrl) {
        this.anonymous = anonymous;
        this.simulatorUrl = simulatorUrl;
    }

    static String tokenUrl(String simulatorUrl) {
        return simulatorUrl + "/" + TENANT + "/oauth2/v2.0/token";
    }

    String admin() {
        return clientCredentials(API_SCOPE);
    }

    String graph() {
        return clientCredentials(GRAPH_SCOPE);
    }

    String person(String userId, List<String> roles) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userId", userId);
        request.put("roles", roles);
        return anonymous.send("POST", simulatorUrl + "/_simulator/tokens", request)
                .ok("the simulator's token for " + userId).json().required("access_token").asString();
    }

    private synchronized String clientCredentials(String scope) {
        Token token = byScope.get(scope);
        if (token == null || !Instant.now().isBefore(token.renewAt())) {
            Instant asked = Instant.now();
            JsonNode answer = anonymous.postForm(tokenUrl(simulatorUrl), Map.of(
                            "grant_type", "client_credentials", "client_id", CLIENT_ID,
                            "client_secret", CLIENT_SECRET, "scope", scope))
                    .ok("the simulator's token endpoint (" + scope + ")").json();
            Duration lifetime = Duration.ofSeconds(answer.required("expires_in").asLong());
            Duration ahead = RENEW_AHEAD.compareTo(lifetime.dividedBy(2)) < 0 ? RENEW_AHEAD : lifetime.dividedBy(2);
            token = new Token(answer.required("access_token").asString(), asked.plus(lifetime).minus(ahead));
            byScope.put(scope, token);
        }
        return token.value();
    }
}
