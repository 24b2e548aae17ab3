package com.contactsync.gateway.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 client credentials against the graph simulator's token endpoint, which speaks plain http on loopback;
 * azure-identity and MSAL insist on https authorities. Caches the token until shortly before it expires.
 */
final class SimulatorTokenCredential implements TokenCredential {

    /** Renew this long before expiry, so no request leaves with a token that expires on the way. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private AccessToken cached;

    SimulatorTokenCredential(URI tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (cached != null && cached.getExpiresAt().isAfter(now.plus(RENEW_BEFORE_EXPIRY))) {
            return cached;
        }
        Map<String, String> form = Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret,
                "scope", String.join(" ", request.getScopes()));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = post(body);
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
            String reason = json != null && json.hasNonNull("error_description") ? json.get("error_description").asString() : response.body();
            throw new ClientAuthenticationException("Token endpoint " + tokenUrl + " refused client " + clientId + " ("
                    + response.statusCode() + "): " + reason, null);
        }
        cached = new AccessToken(json.get("access_token").asString(), now.plusSeconds(json.get("expires_in").asLong()));
        return cached;
    }

    private HttpResponse<String> post(String form) {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClientAuthenticationException("Token endpoint " + tokenUrl + " did not answer: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientAuthenticationException("Interrupted while asking " + tokenUrl + " for a token", null, e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
