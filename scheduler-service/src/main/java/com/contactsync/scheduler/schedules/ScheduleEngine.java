package com.contactsync.scheduler.schedules;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps db-scheduler's one execution per schedule at the schedule's next run. Called in the transaction that changes
 * the schedule, after it locked the schedule's row: the engine works on a transaction-aware data source, so both
 * commit together.
 */
@Component
class ScheduleEngine {

    /** The db-scheduler task; its instance id is the schedule id. */
    static final String TASK = "sync-schedule";

    private final SchedulerClient client;

    ScheduleEngine(SchedulerClient client) {
        this.client = client;
    }

    /** Points the schedule's execution at {@code nextRunAt}, or removes it when that is null. */
    void plan(String scheduleId, Instant nextRunAt) {
        TaskInstance<Void> instance = new TaskInstance<>(TASK, scheduleId);
        Optional<ScheduledExecution<Object>> existing = client.getScheduledExecution(instance);
        if (existing.isPresent() && existing.get().isPicked()) {
            // Being fired right now: the firing reads the schedule again under its lock and plans from what it finds.
            return;
        }
        try {
            if (nextRunAt == null) {
                existing.ifPresent(execution -> client.cancel(instance));
            } else if (existing.isEmpty()) {
                client.scheduleIfNotExists(instance, nextRunAt);
            } else {
                client.reschedule(instance, nextRunAt);
            }
        } catch (TaskInstanceCurrentlyExecutingException | ExecutionException pickedMeanwhile) {
            // Picked by an instance since it was read: as above, that firing plans from the schedule as now written.
        }
    }
}
