package com.contactsync.testinfra;

import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/** Clients of a service's REST API under test. */
public final class TestClients {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private TestClients() {
    }

    /** As an admin (an operator, BC or another system): the token most tests need. */
    public static WebTestClient.Builder admin(String baseUrl) {
        return anonymous(baseUrl).defaultHeaders(headers -> headers.setBearerAuth(TestIssuer.get().adminToken()));
    }

    /** As the person who is BC user {@code userId}. */
    public static WebTestClient.Builder user(String baseUrl, String userId) {
        return anonymous(baseUrl).defaultHeaders(headers -> headers.setBearerAuth(TestIssuer.get().userToken(userId)));
    }

    /**
     * Without a token. A new connection per request: Reactor Netty's server (1.3.6) can stop reading a keep-alive
     * connection when the next request arrives while an answer given at once (a 400, a 401) is still finishing
     * (reactor/reactor-netty#4361), and the test would wait for an answer that never comes.
     */
    public static WebTestClient.Builder anonymous(String baseUrl) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl(baseUrl)
                .responseTimeout(RESPONSE_TIMEOUT);
    }
}
