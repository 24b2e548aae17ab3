package com.contactsync.contacts;

import com.contactsync.contracts.Topics;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Database;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * contact-service started in-process on the shared test infrastructure, with a database and topics of its own: the
 * Kafka broker outlives a test class (and, in external mode, the run), so each class reads only its own events.
 * As a JUnit extension ({@code @RegisterExtension static final RunningContactService service = perTestClass()}) it
 * starts before the class's tests and stops after them.
 */
public final class RunningContactService implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private ConfigurableApplicationContext context;
    private Database database;
    private String eventsTopic;
    private String requestsTopic;
    private WebTestClient api;

    private RunningContactService() {
    }

    private RunningContactService(Database database, String eventsTopic, String requestsTopic) {
        run(database, eventsTopic, requestsTopic);
    }

    /** Started by JUnit before the test class, stopped after it. */
    public static RunningContactService perTestClass() {
        return new RunningContactService();
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        Fresh fresh = Fresh.create();
        run(fresh.database(), fresh.eventsTopic(), fresh.requestsTopic());
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    private void run(Database database, String eventsTopic, String requestsTopic) {
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
        api = TestClients.admin("http://127.0.0.1:" + port).build();
    }

    /** A fresh instance, started now: new database, new topics. Close it when done. */
    public static RunningContactService start() {
        Fresh fresh = Fresh.create();
        return new RunningContactService(fresh.database(), fresh.eventsTopic(), fresh.requestsTopic());
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

    /** A new database, and topics named after the contract's with a unique suffix. */
    private record Fresh(Database database, String eventsTopic, String requestsTopic) {

        static Fresh create() {
            String suffix = ".test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(), 10);
            return new Fresh(Infrastructure.get().newDatabase("contacts"), Topics.BC_CONTACT_EVENTS + suffix,
                    Topics.BC_CONTACT_REQUESTS + suffix);
        }
    }
}
