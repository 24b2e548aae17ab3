package com.contactsync.system;

import com.contactsync.contacts.ContactServiceApplication;
import com.contactsync.gateway.OutlookGatewayApplication;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.orchestrator.SyncOrchestratorApplication;
import com.contactsync.scheduler.SchedulerServiceApplication;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.TestIssuer;
import com.contactsync.testinfra.SpringArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole system in one JVM: the four services, each in its own Spring application context on a random port,
 * and the Graph simulator, on the test JVM's real Kafka and PostgreSQL. Started once and shared by the system
 * tests, which isolate themselves by user and mailbox.
 */
final class ContactSyncSystem {

    private static ContactSyncSystem shared;

    final RunningSimulator simulator;
    final ConfigurableApplicationContext contactService;
    /** Replaced by {@link #restartOrchestrator}. */
    volatile ConfigurableApplicationContext orchestrator;
    private final Map<String, Object> orchestratorProperties;
    final ConfigurableApplicationContext gateway;
    final ConfigurableApplicationContext scheduler;

    private ContactSyncSystem(Infrastructure infra) {
        simulator = RunningSimulator.get();
        // Chosen up front: the orchestrator, started at the same time, calls the gateway's connection check.
        int gatewayPort = freePort();
        Map<String, Object> gatewayProperties = new HashMap<>(infra.springProperties(null));
        gatewayProperties.put("server.port", gatewayPort);
        gatewayProperties.putAll(Map.of(
                "contactsync.graph.base-url", simulator.url("/v1.0"),
                "contactsync.graph.auth.kind", "simulator",
                "contactsync.graph.auth.token-url", simulator.tokenUrl(),
                "contactsync.graph.auth.tenant-id", RunningSimulator.TENANT,
                "contactsync.graph.auth.client-id", RunningSimulator.CLIENT_ID,
                "contactsync.graph.auth.client-secret", RunningSimulator.CLIENT_SECRET));
        // Independent contexts start in parallel: the JVM has two cores and each start is mostly waiting.
        CompletableFuture<ConfigurableApplicationContext> contacts = CompletableFuture.supplyAsync(() ->
                start(ContactServiceApplication.application(), infra.springProperties(infra.newDatabase("contacts"))));
        orchestratorProperties = new HashMap<>(infra.springProperties(infra.newDatabase("orchestrator")));
        orchestratorProperties.put("contactsync.orchestrator.gateway-url", "http://127.0.0.1:" + gatewayPort);
        CompletableFuture<ConfigurableApplicationContext> orchestrator = CompletableFuture.supplyAsync(() ->
                start(SyncOrchestratorApplication.application(), orchestratorProperties));
        CompletableFuture<ConfigurableApplicationContext> gateway = CompletableFuture.supplyAsync(() ->
                start(OutlookGatewayApplication.application(), gatewayProperties));
        Map<String, Object> schedulerProperties = new HashMap<>(infra.springProperties(infra.newDatabase("scheduler")));
        // Runs start when a test asks for them, not when a default schedule comes due.
        schedulerProperties.put("contactsync.scheduler.seed-defaults", false);
        CompletableFuture<ConfigurableApplicationContext> scheduler = CompletableFuture.supplyAsync(() ->
                start(SchedulerServiceApplication.application(), schedulerProperties));
        this.contactService = contacts.join();
        this.orchestrator = orchestrator.join();
        this.gateway = gateway.join();
        this.scheduler = scheduler.join();
    }

    static synchronized ContactSyncSystem get() {
        if (shared == null) {
            shared = new ContactSyncSystem(Infrastructure.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "contact-sync-system-shutdown"));
        }
        return shared;
    }

    /** Stops the orchestrator wherever it is and starts a new one on the same database, as after a crash. */
    synchronized void restartOrchestrator() {
        orchestrator.close();
        orchestrator = start(SyncOrchestratorApplication.application(), orchestratorProperties);
    }

    /** A client of that service's REST API with an admin's token (an operator, or BC itself). */
    WebTestClient client(ConfigurableApplicationContext context) {
        return client(context, TestIssuer.get().adminToken());
    }

    /** A client with that bearer token, or none when null. */
    WebTestClient client(ConfigurableApplicationContext context, String bearer) {
        // Runs of thousands of contacts can list as many problems.
        return TestClients.anonymous(baseUrl(context))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .defaultHeaders(headers -> {
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                })
                .build();
    }

    private void stop() {
        for (ConfigurableApplicationContext context : List.of(scheduler, gateway, orchestrator, contactService)) {
            context.close();
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder application,
                                                        Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("server.port", 0);
        return application.run(SpringArgs.of(all));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String baseUrl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }
}
