package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.scheduler.recurrence.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A schedule as {@code GET /api/v1/schedules/{id}} shows it: the fields of the PUT, then what the scheduler did.
 *
 * @param nextRunAt   when the next trigger is due; null while disabled
 * @param lastRunAt   when the last trigger was written
 * @param lastRunId   the run id the last trigger carried (one user), or the trigger's {@code ce_id} (all users, where
 *                    each user's run gets its own id)
 * @param lastOutcome what the last trigger was for; null before the first
 */
record ScheduleView(String id, String userId, SyncMode mode, Integer everyMinutes, String cron,
                    List<DayOfWeek> weekdays, String startingTime, String endingTime, String timeZone, boolean enabled,
                    Instant nextRunAt, Instant lastRunAt, String lastRunId, LastOutcome lastOutcome) {

    /**
     * @param result     {@code TRIGGERED}, {@code CAUGHT_UP} (after downtime, one trigger for several occurrences) or
     *                   {@code RUN_NOW}
     * @param dueAt      the occurrence it was for; null for a run-now
     * @param missedRuns occurrences that passed while no instance ran, folded into this trigger
     */
    record LastOutcome(LastTrigger.Outcome result, Instant dueAt, int missedRuns) {
    }

    static ScheduleView of(Schedule schedule) {
        ScheduleDefinition definition = schedule.definition();
        Recurrence recurrence = definition.recurrence();
        LastTrigger last = schedule.lastTrigger();
        return new ScheduleView(schedule.id(), definition.userId(), definition.mode(), recurrence.everyMinutes(),
                recurrence.cron() == null ? null : recurrence.cron().toString(),
                recurrence.weekdays().stream().sorted().toList(), text(recurrence.startingTime()),
                text(recurrence.endingTime()), recurrence.zone().getId(), definition.enabled(), schedule.nextRunAt(),
                last == null ? null : last.at(), last == null ? null : last.runId(),
                last == null ? null : new LastOutcome(last.outcome(), last.dueAt(), last.missedRuns()));
    }

    /** {@code 08:00}, or {@code 08:00:30} when it has seconds. */
    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }
}
