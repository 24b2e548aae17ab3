package com.contactsync.system;

import com.contactsync.contacts.ContactServiceApplication;
import com.contactsync.gateway.OutlookGatewayApplication;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.orchestrator.SyncOrchestratorApplication;
import com.contactsync.scheduler.SchedulerServiceApplication;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
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
    final ConfigurableApplicationContext orchestrator;
    final ConfigurableApplicationContext gateway;
    final ConfigurableApplicationContext scheduler;

    private ContactSyncSystem(Infrastructure infra) {
        simulator = RunningSimulator.get();
        Map<String, Object> gatewayProperties = new HashMap<>(infra.springProperties(null));
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
        CompletableFuture<ConfigurableApplicationContext> orchestrator = CompletableFuture.supplyAsync(() ->
                start(SyncOrchestratorApplication.application(),
                        infra.springProperties(infra.newDatabase("orchestrator"))));
        CompletableFuture<ConfigurableApplicationContext> gateway = CompletableFuture.supplyAsync(() ->
                start(OutlookGatewayApplication.application(), gatewayProperties));
        CompletableFuture<ConfigurableApplicationContext> scheduler = CompletableFuture.supplyAsync(() ->
                start(SchedulerServiceApplication.application(),
                        infra.springProperties(infra.newDatabase("scheduler"))));
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

    WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl(baseUrl(context)).build();
    }

    private void stop() {
        for (ConfigurableApplicationContext context : List.of(scheduler, gateway, orchestrator, contactService)) {
            context.close();
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder application,
                                                        Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", 0);
        return application.run(SpringArgs.of(all));
    }

    static String baseUrl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }
}
