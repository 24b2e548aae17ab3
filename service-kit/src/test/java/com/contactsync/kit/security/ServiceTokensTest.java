package com.contactsync.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.testinfra.TestIssuer;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A service's own token for calls to another service: fetched by client credentials, reused, and a clear refusal without a secret. */
class ServiceTokensTest {

    private HttpServer callee;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCallee() throws Exception {
        callee = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callee.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callee.start();
    }

    @AfterEach
    void stopCallee() {
        callee.stop(0);
    }

    @Test
    void callsCarryAnAdminApplicationTokenFromTheIssuerReusedWhileValid() throws Exception {
        Map<String, Object> issuer = TestIssuer.get().springProperties();
        ServiceTokens tokens = new ServiceTokens(new SecurityProperties.Client(
                URI.create((String) issuer.get("contactsync.security.client.token-uri")), TestIssuer.CLIENT_ID,
                TestIssuer.CLIENT_SECRET, "api://contact-sync/.default"));
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + callee.getAddress().getPort())
                .filter(tokens.filter()).build();

        client.get().uri("/first").retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
        client.get().uri("/second").retrieve().toBodilessEntity().block(Duration.ofSeconds(30));

        assertThat(authorizations).hasSize(2).allMatch(h -> h.startsWith("Bearer "));
        assertThat(authorizations.get(1)).as("the same token, not a new sign-in per call").isEqualTo(authorizations.get(0));
        SignedJWT token = SignedJWT.parse(authorizations.get(0).substring("Bearer ".length()));
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(TestIssuer.ADMIN_ROLE);
    }

    @Test
    void withoutASecretACallFailsNamingTheSettingAndNothingIsSent() {
        ServiceTokens tokens = new ServiceTokens(new SecurityProperties.Client(URI.create("http://127.0.0.1:9/token"),
                "contactsync-orchestrator", null, "api://contact-sync/.default"));
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + callee.getAddress().getPort())
                .filter(tokens.filter()).build();

        assertThatThrownBy(() -> client.get().uri("/x").retrieve().toBodilessEntity().block(Duration.ofSeconds(30)))
                .hasMessageContaining("contactsync.security.client.client-secret");
        assertThat(authorizations).isEmpty();
    }
}
