package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator as the sandbox's issuer of Contact Sync API tokens: tokens a resource server can verify by its key set. */
class ApiIssuerTest {

    private static final String ISSUER = "https://login.contactsync.invalid/sandbox/v2.0";

    private final RunningSimulator simulator = RunningSimulator.get();

    @Test
    void openIdConfigurationNamesTheIssuerAndItsKeySet() {
        JsonNode configuration = get("/sandbox/v2.0/.well-known/openid-configuration");

        assertThat(configuration.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(configuration.get("jwks_uri").asString()).isEqualTo(simulator.url("/sandbox/discovery/v2.0/keys"));
        assertThat(configuration.get("token_endpoint").asString()).isEqualTo(simulator.tokenUrl());
    }

    @Test
    void clientCredentialsForTheApiScopeGiveAnAdminApplicationTokenSignedByTheKeySet() throws Exception {
        var response = simulator.requestToken(Map.of("grant_type", "client_credentials", "client_id", RunningSimulator.CLIENT_ID,
                "client_secret", RunningSimulator.CLIENT_SECRET, "scope", "api://contact-sync/.default"));
        String token = simulator.json.readTree(response.body()).get("access_token").asString();

        JsonNode claims = verifiedClaims(token);
        assertThat(claims.get("iss").asString()).isEqualTo(ISSUER);
        assertThat(claims.get("aud").asString()).isEqualTo("api://contact-sync");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("ContactSync.Admin");
        assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
    }

    @Test
    void aPersonsTokenCarriesTheirBcUserIdAndOnlyTheRolesAskedFor() throws Exception {
        JsonNode claims = verifiedClaims(simulator.control("POST", "/_simulator/tokens", "{\"userId\":\"ALICE\"}")
                .get("access_token").asString());

        assertThat(claims.get("bc_user_id").asString()).isEqualTo("ALICE");
        assertThat(claims.has("roles")).isFalse();
        assertThat(claims.get("aud").asString()).isEqualTo("api://contact-sync");
    }

    @Test
    void aTokenWithoutUserIdIsRefused() {
        var response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/_simulator/tokens")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void graphDoesNotAcceptAnApiToken() {
        String apiToken = simulator.control("POST", "/_simulator/tokens", "{\"userId\":\"ALICE\"}").get("access_token").asString();

        var response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/someone/contactFolders")))
                .header("Authorization", "Bearer " + apiToken));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private JsonNode get(String path) {
        return simulator.json.readTree(simulator.send(HttpRequest.newBuilder(URI.create(simulator.url(path)))).body());
    }

    /** Checks the signature with the published key, as a resource server does, and returns the claims. */
    private JsonNode verifiedClaims(String token) throws Exception {
        String[] parts = token.split("\\.");
        JsonNode header = simulator.json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode key = get("/sandbox/discovery/v2.0/keys").get("keys").get(0);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("kid").asString()).isEqualTo(key.get("kid").asString());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asString()))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
        return simulator.json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
