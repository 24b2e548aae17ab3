package com.contactsync.scheduler.schedules;

import com.contactsync.scheduler.recurrence.Occurrence;
import com.contactsync.scheduler.recurrence.Recurrence;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires a schedule's due occurrence: the trigger, the schedule's record of it and the engine's bookkeeping (its
 * execution moved to the next run) commit in one transaction.
 *
 * <p>That is why the work runs in the task's completion handler rather than its execution handler: db-scheduler
 * completes an execution after the handler returns, in a statement of its own, and a crash in between would fire the
 * occurrence again. Here the completion's update joins the transaction (transaction-aware data source), and it only
 * matches the execution's version as picked: an instance that was taken for dead and superseded by another rolls back
 * instead of firing twice. The schedule row, locked first, names the occurrence ({@code next_run_at}), so a revived
 * execution still knows which one it fires, and after downtime the first missed occurrence fires once and the next
 * run is the first one after now: one catch-up, not a burst.
 */
@Component
class OccurrenceFiring {

    private static final Logger log = LoggerFactory.getLogger(OccurrenceFiring.class);
    /** Bounds the work of counting what a long outage missed (a week of a one-minute schedule is 10,080). */
    private static final int MISSED_RUNS_COUNTED = 100_000;

    private final ScheduleRepository schedules;
    private final SyncTriggers triggers;
    private final TriggerMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SchedulerProperties properties;

    OccurrenceFiring(ScheduleRepository schedules, SyncTriggers triggers, TriggerMetrics metrics,
                     TransactionTemplate transactions, Clock clock, SchedulerProperties properties) {
        this.schedules = schedules;
        this.triggers = triggers;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** The engine's task: one execution per schedule, its instance id the schedule id. */
    CustomTask<Void> task() {
        return Tasks.custom(ScheduleEngine.TASK, Void.class)
                .execute((instance, context) -> (done, operations) -> complete(instance.getId(), done, operations));
    }

    private void complete(String scheduleId, ExecutionComplete done, ExecutionOperations<Void> operations) {
        try {
            transactions.executeWithoutResult(status -> fire(scheduleId, done, operations));
        } catch (ExecutionException superseded) {
            log.info("Schedule {}: another instance took this occurrence over; this attempt was rolled back",
                    scheduleId);
        } catch (RuntimeException e) {
            Instant retry = clock.instant().plus(properties.retryDelay());
            log.warn("Schedule {}: could not write the trigger, trying again at {}: {}", scheduleId, retry,
                    e.toString());
            operations.reschedule(ExecutionComplete.failure(done.getExecution(), done.getTimeDone(),
                    clock.instant(), e), retry);
        }
    }

    private void fire(String scheduleId, ExecutionComplete done, ExecutionOperations<Void> operations) {
        Optional<Schedule> found = schedules.findForUpdate(scheduleId);
        if (found.isEmpty() || found.get().nextRunAt() == null) {
            // Deleted or disabled while the engine was picking it.
            operations.remove();
            return;
        }
        Schedule schedule = found.get();
        Instant now = clock.instant();
        Instant dueAt = schedule.nextRunAt();
        if (dueAt.isAfter(now)) {
            // Moved later while picked, or revived early after a crash: not due yet.
            operations.reschedule(done, dueAt);
            return;
        }
        Recurrence recurrence = schedule.definition().recurrence();
        int missedRuns = recurrence.countBetween(dueAt, now, MISSED_RUNS_COUNTED);
        Instant nextRunAt = recurrence.nextAfter(now).map(Occurrence::at).orElse(null);
        String runId = triggers.request(schedule, "schedule " + scheduleId + " due " + dueAt, now);
        schedules.recordTrigger(scheduleId, new LastTrigger(now, runId,
                missedRuns == 0 ? LastTrigger.Outcome.TRIGGERED : LastTrigger.Outcome.CAUGHT_UP, dueAt, missedRuns));
        schedules.setNextRunAt(scheduleId, nextRunAt);
        if (nextRunAt == null) {
            operations.remove();
        } else {
            operations.reschedule(done, nextRunAt);
        }
        metrics.occurrence(schedule, dueAt, now, missedRuns);
    }
}
