package com.contactsync.contacts;

import com.contactsync.testinfra.Database;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * contact-service started in-process on the shared test infrastructure, with a database and topics of its own: the
 * Kafka broker outlives a test class (and, in external mode, the run), so each class reads only its own events.
 */
public final class RunningContactService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Database database;
    private final String eventsTopic;
    private final String requestsTopic;
    private final WebTestClient api;

    private RunningContactService(Database database, String eventsTopic, String requestsTopic) {
        this.database = database;
        this.eventsTopic = eventsTopic;
        this.requestsTopic = requestsTopic;
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(database));
        properties.put("server.port", 0);
        properties.put("contactsync.contacts.events-topic", eventsTopic);
        properties.put("contactsync.contacts.requests-topic", requestsTopic);
        properties.put("contactsync.outbox.poll-interval", "100ms");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");
        context = ContactServiceApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A fresh instance: new database, new topics named after the contract's with a unique suffix. */
    public static RunningContactService start() {
        String suffix = ".test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(), 10);
        return new RunningContactService(Infrastructure.get().newDatabase("contacts"),
                "bc.contact.events.v1" + suffix, "bc.contact.requests.v1" + suffix);
    }

    /** Another instance on the same database and topics, as after a restart; close this one first. */
    public RunningContactService restart() {
        return new RunningContactService(database, eventsTopic, requestsTopic);
    }

    public WebTestClient api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public Database database() {
        return database;
    }

    public String eventsTopic() {
        return eventsTopic;
    }

    public String requestsTopic() {
        return requestsTopic;
    }

    /** The Prometheus scrape, as an operator's Prometheus sees it. */
    public String prometheus() {
        return api.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Override
    public void close() {
        context.close();
    }
}
