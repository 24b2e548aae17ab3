package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests' issuer: its tokens verify with the key set it serves, and its token endpoint wants the secret. */
class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensVerifyWithThePublishedKeySetAndCarryIssuerAudienceAndRoles() throws Exception {
        RSAKey key = JWKSet.parse(get((String) issuer.springProperties().get("contactsync.security.jwk-set-uri")).body())
                .getKeys().get(0).toRSAKey();
        SignedJWT admin = SignedJWT.parse(issuer.adminToken());
        SignedJWT alice = SignedJWT.parse(issuer.userToken("ALICE"));
        SignedJWT forged = SignedJWT.parse(issuer.forgedAdminToken());

        assertThat(admin.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(admin.getJWTClaimsSet().getIssuer()).isEqualTo(TestIssuer.ISSUER);
        assertThat(admin.getJWTClaimsSet().getAudience()).containsExactly(TestIssuer.AUDIENCE);
        assertThat(admin.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(TestIssuer.ADMIN_ROLE);
        assertThat(alice.getJWTClaimsSet().getStringClaim(TestIssuer.USER_ID_CLAIM)).isEqualTo("ALICE");
        assertThat(alice.getJWTClaimsSet().getClaim("roles")).isNull();
        assertThat(forged.verify(new RSASSAVerifier(key))).isFalse();
    }

    @Test
    void clientCredentialsNeedTheSecret() throws Exception {
        String tokenUri = (String) issuer.springProperties().get("contactsync.security.client.token-uri");

        HttpResponse<String> granted = post(tokenUri, "grant_type=client_credentials&client_id=" + TestIssuer.CLIENT_ID
                + "&client_secret=" + TestIssuer.CLIENT_SECRET + "&scope=api%3A%2F%2Fcontact-sync%2F.default");
        HttpResponse<String> refused = post(tokenUri, "grant_type=client_credentials&client_id=" + TestIssuer.CLIENT_ID
                + "&client_secret=guess");

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("\"access_token\"");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("access_token");
        assertThat(List.of(granted.body(), refused.body())).noneMatch(body -> body.contains(TestIssuer.CLIENT_SECRET));
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
