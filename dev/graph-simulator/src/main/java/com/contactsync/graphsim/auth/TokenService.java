package com.contactsync.graphsim.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues app-only access tokens shaped like Entra ID's (a JWT) and recognises them. They are signed with a key
 * that lives as long as the process, so the simulator needs no token store and a reset of its data does not log
 * clients out, while tokens from any other issuer (or an earlier run) are refused.
 */
@Component
class TokenService {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final ProcessKey key = new ProcessKey();
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    TokenService(JsonMapper json) {
        this.json = json;
    }

    String issue(String tenant, String clientId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", "https://graph.microsoft.com");
        claims.put("iss", "https://sts.windows.net/" + tenant + "/");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("appid", clientId);
        claims.put("tid", tenant);
        claims.put("roles", new String[] {"Contacts.ReadWrite"});
        String signed = HEADER + "." + ENCODER.encodeToString(json.writeValueAsBytes(claims));
        return signed + "." + ENCODER.encodeToString(key.sign(signed));
    }

    /** Why a bearer token is refused, in Graph's words; null when it is one of ours and still valid. */
    String problem(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "IDX14100: JWT is not well formed, there are no dots (.).";
        }
        byte[] signature;
        JsonNode claims;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | JacksonException e) {
            return "IDX14100: JWT is not well formed.";
        }
        if (!key.signed(parts[0] + "." + parts[1], signature)) {
            return "Access token validation failure. Invalid signature.";
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || Instant.ofEpochSecond(exp.asLong()).isBefore(clock.instant())) {
            return "Lifetime validation failed, the token is expired.";
        }
        return null;
    }
}
