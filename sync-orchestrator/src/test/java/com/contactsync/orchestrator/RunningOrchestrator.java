package com.contactsync.orchestrator;

import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.SpringArgs;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** The orchestrator started in-process on the shared test infrastructure, with a database of its own. */
final class RunningOrchestrator {

    private RunningOrchestrator() {
    }

    /** Started with the test defaults; {@code settings} add to or override them. Close it when done. */
    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("orchestrator")));
        properties.put("server.port", 0);
        // No gateway in these tests: its connection check is refused at once.
        properties.put("contactsync.orchestrator.gateway-url", "http://127.0.0.1:9");
        properties.putAll(settings);
        return SyncOrchestratorApplication.application().run(SpringArgs.of(properties));
    }
}
