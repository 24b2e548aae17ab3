package com.contactsync.scheduler.schedules;

import java.time.Instant;

/**
 * The last sync a schedule asked for.
 *
 * @param at         when the trigger was written (it reaches Kafka through the outbox moments later)
 * @param runId      the run id the trigger carries for a single user, so an operator can follow the schedule to the
 *                   orchestrator's run; for all users (where each user's run gets its own id) the trigger's
 *                   {@code ce_id}
 * @param dueAt      the occurrence it was for; null for a run-now
 * @param missedRuns occurrences that passed while no instance was running, folded into this one trigger
 */
record LastTrigger(Instant at, String runId, Outcome outcome, Instant dueAt, int missedRuns) {

    enum Outcome {
        /** An occurrence fired on its own: when due, or late after downtime that no later occurrence fell into. */
        TRIGGERED,
        /** After downtime across several occurrences: the first one, fired once on recovery for all of them. */
        CAUGHT_UP,
        /** Asked for through {@code POST .../run-now}. */
        RUN_NOW
    }
}
