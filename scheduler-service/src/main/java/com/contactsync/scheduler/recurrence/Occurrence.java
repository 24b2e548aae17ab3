package com.contactsync.scheduler.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One run of a recurrence.
 *
 * @param slot the wall-clock time in the recurrence's zone that the rules name (weekday, window, grid or cron)
 * @param at   when it is due; differs from the slot's usual instant only around a daylight-saving change
 */
public record Occurrence(LocalDateTime slot, Instant at) {
}
