package com.contactsync.scheduler.schedules;

import java.time.Instant;

/**
 * A stored schedule and what the scheduler has done with it.
 *
 * @param nextRunAt   when its next trigger is due; null while disabled or when it never runs again
 * @param lastTrigger null until it first asks for a sync
 */
record Schedule(String id, ScheduleDefinition definition, Instant nextRunAt, LastTrigger lastTrigger) {
}
