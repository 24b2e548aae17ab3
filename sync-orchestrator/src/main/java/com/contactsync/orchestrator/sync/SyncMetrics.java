package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.SyncMode;
import com.contactsync.orchestrator.runs.SyncRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What operators watch: runs by mode and outcome, contacts by action, commands waiting for the gateway. */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        Gauge.builder("contactsync.sync.pending.commands", jdbc,
                        j -> j.sql("SELECT count(*) FROM outlook_command").query(Long.class).single())
                .description("Commands sent to the gateway and not answered yet")
                .register(registry);
    }

    void runStarted(SyncMode mode) {
        registry.counter("contactsync.sync.runs.started", "mode", mode.name()).increment();
    }

    public void runFinished(SyncMode mode, SyncRun.Status status) {
        registry.counter("contactsync.sync.runs.finished", "mode", mode.name(), "status", status.name()).increment();
    }

    void planned(List<SyncAction> actions) {
        for (SyncAction action : actions) {
            registry.counter("contactsync.sync.actions", "action", action.getClass().getSimpleName().toLowerCase())
                    .increment();
        }
    }

    /** From the BC commit of a contact to its write in Outlook: what realtime sync (S3) promises to keep short. */
    void lag(Instant committedAt) {
        Timer.builder("contactsync.sync.lag")
                .description("From a BC contact's last change to its write in Outlook")
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(committedAt, Instant.now()));
    }

    void written(List<OutlookContactsWritten.Result> results) {
        for (OutlookContactsWritten.Result result : results) {
            registry.counter("contactsync.sync.outlook.writes", "action", result.action().name(),
                    "status", result.status().name()).increment();
        }
    }
}
