package com.contactsync.graphsim.auth;

import com.contactsync.graphsim.GraphSimProperties;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's stand-in for Entra ID as the issuer of Contact Sync's own API tokens: RS256 JWTs for the audience
 * the services accept, verifiable through a JWKS like Entra's. The key pair lives as long as the process, so a
 * service that fetched the key set once keeps accepting tokens until the simulator restarts.
 */
@Component
public class ApiTokenIssuer {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final GraphSimProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    ApiTokenIssuer(GraphSimProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    /** The {@code iss} of every token, as the services are configured to expect it. */
    public String issuer() {
        return properties.api().issuer().replace("{tenant}", properties.tenant());
    }

    /** An application's token (client credentials): application roles, as Entra puts an app's granted roles. */
    String applicationToken(String clientId) {
        Map<String, Object> claims = claims(clientId);
        claims.put("azp", clientId);
        claims.put("roles", List.of(properties.api().adminRole()));
        return sign(claims);
    }

    /** A signed-in person's token: their BC user id in the configured claim, and the app roles given to them. */
    String userToken(String userId, List<String> roles) {
        Map<String, Object> claims = claims(userId);
        claims.put("azp", properties.clientId());
        claims.put("scp", "access_as_user");
        claims.put("name", userId);
        claims.put(properties.api().userIdClaim(), userId);
        if (!roles.isEmpty()) {
            claims.put("roles", roles);
        }
        return sign(claims);
    }

    /** The public key set, in the JWKS form Entra serves at {@code /discovery/v2.0/keys}. */
    Map<String, Object> keySet() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("kid", keyId);
        key.put("n", unsigned(publicKey.getModulus()));
        key.put("e", unsigned(publicKey.getPublicExponent()));
        return Map.of("keys", List.of(key));
    }

    private Map<String, Object> claims(String subject) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", properties.api().audience());
        claims.put("sub", subject);
        claims.put("tid", properties.tenant());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + properties.tokenLifetime().toSeconds());
        claims.put("ver", "2.0");
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", keyId);
        String content = ENCODER.encodeToString(json.writeValueAsBytes(header)) + "."
                + ENCODER.encodeToString(json.writeValueAsBytes(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    /** JWK numbers are big-endian without the sign byte {@link BigInteger#toByteArray()} may add. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return ENCODER.encodeToString(bytes);
    }
}
