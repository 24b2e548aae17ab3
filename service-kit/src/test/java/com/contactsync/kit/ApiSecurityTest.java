package com.contactsync.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Every service's API as the kit secures it: bearer JWTs of one issuer and audience, admin or own user, bounded bodies. */
@RealInfrastructure
class ApiSecurityTest {

    private static final TestIssuer issuer = TestIssuer.get();
    private static ConfigurableApplicationContext context;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("kitsec")));
        properties.put("server.port", 0);
        properties.put("management.endpoints.web.exposure.include", "health,info");
        context = new SpringApplicationBuilder(KitTestApplication.class)
                .properties("spring.config.name=kit-test")
                .run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = TestClients.anonymous("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void requestWithoutTokenIs401ProblemWithBearerChallenge() {
        http.get().uri("/whoami").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo("/whoami");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expired", "other audience", "other issuer", "forged signature", "not a JWT"})
    void refusedTokenIs401InvalidToken(String kind) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = switch (kind) {
            case "expired" -> issuer.token(claims -> claims.claim("roles", List.of(TestIssuer.ADMIN_ROLE))
                    .issueTime(Date.from(past)).notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))));
            case "other audience" -> issuer.token(claims -> claims.audience("api://someone-else"));
            case "other issuer" -> issuer.token(claims -> claims.issuer("https://login.example.invalid/other/v2.0"));
            case "forged signature" -> issuer.forgedAdminToken();
            default -> "abc.def";
        };

        http.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("The bearer token was refused").doesNotContain(token));
    }

    @Test
    void callerIsReadFromTheToken() {
        http.get().uri("/whoami").headers(h -> h.setBearerAuth(issuer.userToken("ALICE"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("ALICE").jsonPath("$.admin").isEqualTo(false);
        http.get().uri("/whoami").headers(h -> h.setBearerAuth(issuer.adminToken())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.admin").isEqualTo(true);
    }

    @Test
    void userManagesOnlyTheirOwnUserAdminManagesEveryone() {
        String alice = issuer.userToken("ALICE");
        http.get().uri("/users/ALICE/setup").headers(h -> h.setBearerAuth(alice)).exchange().expectStatus().isOk();
        http.get().uri("/users/alice/setup").headers(h -> h.setBearerAuth(alice)).exchange().expectStatus().isOk();
        http.get().uri("/users/BOB/setup").headers(h -> h.setBearerAuth(alice)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.get().uri("/users/BOB/setup").headers(h -> h.setBearerAuth(issuer.adminToken())).exchange().expectStatus().isOk();
    }

    @Test
    void adminOnlyPathRefusesAUserWith403() {
        http.get().uri("/admin-only").headers(h -> h.setBearerAuth(issuer.userToken("ALICE"))).exchange().expectStatus().isForbidden();
        http.get().uri("/admin-only").headers(h -> h.setBearerAuth(issuer.adminToken())).exchange().expectStatus().isOk();
    }

    @Test
    void actuatorOpensOnlyHealthWithoutToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/info").headers(h -> h.setBearerAuth(issuer.userToken("ALICE"))).exchange().expectStatus().isForbidden();
        http.get().uri("/actuator/info").headers(h -> h.setBearerAuth(issuer.adminToken())).exchange().expectStatus().isOk();
    }

    @Test
    void apiDocumentIsOpenAndSaysEveryOperationNeedsABearerToken() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").exists();
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsReadEvenWithoutToken() {
        String body = "x".repeat(70 * 1024);
        http.post().uri("/echo").contentType(MediaType.TEXT_PLAIN).bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/echo").headers(h -> h.setBearerAuth(issuer.adminToken())).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x".repeat(1000)).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("1000 characters");
    }

    @Test
    void chunkedBodyOverTheLimitIs413Too() {
        Flux<String> chunks = Flux.range(0, 70).map(i -> "y".repeat(1024));
        http.post().uri("/echo").headers(h -> h.setBearerAuth(issuer.adminToken())).contentType(MediaType.TEXT_PLAIN)
                .body(BodyInserters.fromPublisher(chunks, String.class)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
