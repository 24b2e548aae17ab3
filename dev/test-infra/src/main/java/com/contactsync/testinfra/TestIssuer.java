package com.contactsync.testinfra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An OAuth2 issuer for tests, in the role Entra ID has in production: an RSA key whose public half is served as a
 * JWKS over HTTP (so services verify tokens as they do in production), a client-credentials token endpoint for
 * service-to-service calls, and tokens for any person or role a test needs. One per test JVM.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://login.contactsync.test/tests/v2.0";
    public static final String AUDIENCE = "api://contact-sync";
    public static final String ADMIN_ROLE = "ContactSync.Admin";
    public static final String USER_ID_CLAIM = "bc_user_id";
    public static final String CLIENT_ID = "contactsync-tests";
    /** Distinctive, so that tests can look for it in logs and answers. */
    public static final String CLIENT_SECRET = "test-client-secret-7f3a9c";

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static TestIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/keys", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    /** What a service needs to accept this issuer's tokens and to get its own for calls to another service. */
    public Map<String, Object> springProperties() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("contactsync.security.issuer", ISSUER);
        properties.put("contactsync.security.jwk-set-uri", base + "/keys");
        properties.put("contactsync.security.audience", AUDIENCE);
        properties.put("contactsync.security.client.token-uri", base + "/token");
        properties.put("contactsync.security.client.client-id", CLIENT_ID);
        properties.put("contactsync.security.client.client-secret", CLIENT_SECRET);
        return properties;
    }

    /** An operator or another system: the admin role. */
    public String adminToken() {
        return token(claims -> claims.claim("roles", List.of(ADMIN_ROLE)).claim(USER_ID_CLAIM, "OPS"));
    }

    /** A salesperson signed in as BC user {@code userId}, without any role. */
    public String userToken(String userId) {
        return token(claims -> claims.claim(USER_ID_CLAIM, userId));
    }

    /** A valid token changed as the test says: another audience, issuer, expiry, claims. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)));
        return sign(customizer.apply(claims).build(), key);
    }

    /** A token signed by a key this issuer never published, all claims right: what a forger would send. */
    public String forgedAdminToken() {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            Instant now = Instant.now();
            return sign(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("forger")
                    .claim("roles", List.of(ADMIN_ROLE)).expirationTime(Date.from(now.plus(LIFETIME))).build(), other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Client credentials, as Entra answers them: an application token with the admin role for the right secret. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean secretInForm = CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
        boolean secretInHeader = basic != null && basic.equals("Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        if (!"client_credentials".equals(form.get("grant_type")) || !(secretInForm || secretInHeader)) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = token(claims -> claims.subject(CLIENT_ID).claim("azp", CLIENT_ID).claim("roles", List.of(ADMIN_ROLE)));
        answer(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + LIFETIME.toSeconds() + ",\"access_token\":\"" + token + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
