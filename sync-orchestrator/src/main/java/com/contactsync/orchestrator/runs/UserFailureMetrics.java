package com.contactsync.orchestrator.runs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code contactsync.sync.user.failing{user}}: 1 while an enabled user's last sync run ended FAILED or PARTIAL, else
 * 0 — the operators' per-user failures (dashboard, alert ContactSyncUserFailing). Users are few (the salespeople
 * who sync), so a tag per user is affordable; the status view is read every few seconds rather than per scrape.
 */
@Component
class UserFailureMetrics {

    private static final Set<String> FAILING = Set.of(SyncRun.Status.FAILED.name(), SyncRun.Status.PARTIAL.name());

    private final RunRepository runs;
    private final MultiGauge failing;

    UserFailureMetrics(RunRepository runs, MeterRegistry registry) {
        this.runs = runs;
        this.failing = MultiGauge.builder("contactsync.sync.user.failing")
                .description("1 while the user's last sync run ended FAILED or PARTIAL")
                .register(registry);
    }

    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    public void refresh() {
        failing.register(runs.status().stream()
                .filter(user -> Boolean.TRUE.equals(user.enabled()))
                .map(user -> MultiGauge.Row.of(Tags.of("user", user.userId()),
                        failing(user.lastRunStatus()) ? 1 : 0))
                .toList(), true);
    }

    /** A user without runs yet is not failing. */
    private static boolean failing(String lastRunStatus) {
        return lastRunStatus != null && FAILING.contains(lastRunStatus);
    }
}
