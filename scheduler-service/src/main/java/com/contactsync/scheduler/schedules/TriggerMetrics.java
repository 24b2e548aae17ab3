package com.contactsync.scheduler.schedules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the scheduler asked for, counted once the transaction that wrote the trigger commits (a rolled-back attempt
 * is retried and would otherwise count twice). Tagged by schedule id (operators define a handful) and mode.
 */
@Component
class TriggerMetrics {

    private final MeterRegistry registry;

    TriggerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A trigger for an occurrence, written at {@code publishedAt}; the delay includes any downtime it waited out. */
    void occurrence(Schedule schedule, Instant dueAt, Instant publishedAt, int missedRuns) {
        afterCommit(() -> {
            triggers(schedule, "occurrence").increment();
            Timer.builder("contactsync.scheduler.trigger.delay")
                    .description("Time from an occurrence being due to its trigger being written to the outbox")
                    .tags("schedule", schedule.id(), "mode", schedule.definition().mode().name())
                    .register(registry)
                    .record(Duration.between(dueAt, publishedAt));
            if (missedRuns > 0) {
                Counter.builder("contactsync.scheduler.misfires")
                        .description("Occurrences that passed while no instance ran, folded into one catch-up trigger")
                        .tags("schedule", schedule.id(), "mode", schedule.definition().mode().name())
                        .register(registry)
                        .increment(missedRuns);
            }
        });
    }

    void runNow(Schedule schedule) {
        afterCommit(() -> triggers(schedule, "run-now").increment());
    }

    private Counter triggers(Schedule schedule, String kind) {
        return Counter.builder("contactsync.scheduler.triggers")
                .description("Sync triggers written to the outbox for sync.triggers.v1")
                .tags("schedule", schedule.id(), "mode", schedule.definition().mode().name(), "kind", kind)
                .register(registry);
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
