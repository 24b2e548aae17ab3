package com.contactsync.scheduler.schedules;

import com.contactsync.scheduler.SchedulerServiceApplication;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One instance of the service, in-process, on a clock the test steps; several may share a database. */
final class RunningScheduler implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final WebTestClient http;

    private RunningScheduler(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = TestClients.admin("http://localhost:" + port)
                .build();
    }

    /** Settings for instances of one test: a fresh database, a topic of its own, and fast polling. */
    static Map<String, Object> properties(Infrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(
                infrastructure.springProperties(infrastructure.newDatabase("scheduler_service")));
        properties.put("server.port", 0);
        properties.put("contactsync.scheduler.triggers-topic", "sync.triggers.test-" + UUID.randomUUID());
        properties.put("contactsync.scheduler.seed-defaults", false);
        properties.put("contactsync.scheduler.polling-interval", "100ms");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");
        return properties;
    }

    static RunningScheduler start(Map<String, Object> properties, Clock clock) {
        return new RunningScheduler(SchedulerServiceApplication.application()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(SpringArgs.of(properties)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    MeterRegistry meters() {
        return bean(MeterRegistry.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
