package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.scheduler.recurrence.Recurrence;

/**
 * What a schedule asks for and when: the writable part, as a PUT gives it.
 *
 * @param userId null for every enabled user
 */
record ScheduleDefinition(String userId, SyncMode mode, Recurrence recurrence, boolean enabled) {

    /** Whether a change from {@code other} to this one leaves the schedule's runs where they were. */
    boolean sameTimingAs(ScheduleDefinition other) {
        return enabled == other.enabled && recurrence.equals(other.recurrence);
    }
}
