package com.contactsync.scheduler.recurrence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule runs, like Business Central's job queue entry: every N minutes from a starting time up to an ending
 * time of day, or on a cron expression; either way only on the given weekdays and within that window, all read on the
 * wall clock of a named time zone.
 *
 * <p>Every N minutes: on each allowed day the slots are the starting time, then every N minutes up to the ending time
 * (inclusive), or up to midnight without one. Each day starts again at its starting time, as the job queue moves the
 * next run to the next starting time once the window has closed. A slot less than N minutes after the previous day's
 * last slot is left out (possible only when the window reaches round midnight and N does not divide the day), so two
 * slots are never closer than N minutes.
 *
 * <p>Daylight saving: every slot runs once. A slot the clock skips (spring forward) runs when the clock jumps: one run
 * for all slots of the gap, and for a slot at the time the clock jumps to. A slot the clock shows twice (fall back)
 * runs on its first pass.
 *
 * @param everyMinutes minutes between runs, 1 to {@value #MAX_EVERY_MINUTES}; null with a cron expression
 * @param cron         Spring's cron expression (six fields, seconds first, or a macro such as {@code @daily}); null
 *                     with everyMinutes
 * @param weekdays     the days it runs on; not empty
 * @param startingTime the first run of a day (for a cron: the earliest); null for midnight
 * @param endingTime   the last possible run of a day, after the starting time; null for "until midnight"
 * @param zone         whose wall clock the other fields are read on
 */
public record Recurrence(Integer everyMinutes, CronExpression cron, Set<DayOfWeek> weekdays, LocalTime startingTime,
                         LocalTime endingTime, ZoneId zone) {

    /** A day: longer intervals are weekdays or a cron expression. */
    public static final int MAX_EVERY_MINUTES = 1440;
    /** How far ahead a cron restricted by weekdays and times is searched before it counts as never running. */
    public static final Period CRON_HORIZON = Period.ofYears(30);
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_DAY = 1440 * NANOS_PER_MINUTE;

    public Recurrence {
        if ((everyMinutes == null) == (cron == null)) {
            throw new IllegalArgumentException("Exactly one of everyMinutes and cron is needed");
        }
        if (everyMinutes != null && (everyMinutes < 1 || everyMinutes > MAX_EVERY_MINUTES)) {
            throw new IllegalArgumentException("everyMinutes must be from 1 to " + MAX_EVERY_MINUTES);
        }
        if (weekdays == null || weekdays.isEmpty()) {
            throw new IllegalArgumentException("At least one weekday is needed");
        }
        weekdays = Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        if (endingTime != null && !endingTime.isAfter(firstTime(startingTime))) {
            throw new IllegalArgumentException("endingTime must be after startingTime");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The first occurrence strictly after {@code now}; empty for a cron that does not run within the horizon. */
    public Optional<Occurrence> nextAfter(Instant now) {
        // Slots map to instants in order, so the first slot after now's wall-clock time is the first candidate; in the
        // second pass of a fall-back hour the next few slots still lie in the past.
        LocalDateTime slot = nextSlot(LocalDateTime.ofInstant(now, zone));
        while (slot != null) {
            Instant at = instantOf(slot);
            if (at.isAfter(now)) {
                return Optional.of(new Occurrence(slot, at));
            }
            slot = nextSlot(slot);
        }
        return Optional.empty();
    }

    /** The occurrences after {@code from} up to and including {@code until}, counted up to {@code limit}. */
    public int countBetween(Instant from, Instant until, int limit) {
        int count = 0;
        Optional<Occurrence> next = nextAfter(from);
        while (count < limit && next.isPresent() && !next.get().at().isAfter(until)) {
            count++;
            next = nextAfter(next.get().at());
        }
        return count;
    }

    private Instant instantOf(LocalDateTime slot) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(slot);
        // None: the clock skips this time, so the slot runs as the clock jumps. Two: the first is the earlier pass.
        return offsets.isEmpty() ? rules.getTransition(slot).getInstant() : slot.toInstant(offsets.get(0));
    }

    private LocalDateTime nextSlot(LocalDateTime after) {
        return everyMinutes != null ? nextGridSlot(after) : nextCronSlot(after);
    }

    private LocalDateTime nextGridSlot(LocalDateTime after) {
        long step = everyMinutes * NANOS_PER_MINUTE;
        long first = firstTime(startingTime).toNanoOfDay();
        long lastAllowed = endingTime == null ? NANOS_PER_DAY - 1 : endingTime.toNanoOfDay();
        long last = first + (lastAllowed - first) / step * step;
        // The previous day's last slot plus one step, as a time of this day (negative when it ends before midnight).
        long clearOfPreviousDay = last + step - NANOS_PER_DAY;
        for (LocalDate day = after.toLocalDate(); ; day = day.plusDays(1)) {
            if (!weekdays.contains(day.getDayOfWeek())) {
                continue;
            }
            long earliest = weekdays.contains(day.minusDays(1).getDayOfWeek())
                    ? Math.max(first, clearOfPreviousDay) : first;
            if (day.equals(after.toLocalDate())) {
                earliest = Math.max(earliest, after.toLocalTime().toNanoOfDay() + 1);
            }
            long slot = first + (earliest - first + step - 1) / step * step;
            // Always true for a day after the first: its last slot is clear of the day before, as step <= a day.
            if (slot <= last) {
                return day.atTime(LocalTime.ofNanoOfDay(slot));
            }
        }
    }

    private LocalDateTime nextCronSlot(LocalDateTime after) {
        LocalTime first = firstTime(startingTime);
        LocalDateTime horizon = after.plus(CRON_HORIZON);
        LocalDateTime slot = cron.next(after);
        while (slot != null && slot.isBefore(horizon)) {
            LocalDate day = slot.toLocalDate();
            LocalTime time = slot.toLocalTime();
            if (!weekdays.contains(day.getDayOfWeek()) || endingTime != null && time.isAfter(endingTime)) {
                slot = cron.next(day.plusDays(1).atTime(first).minusNanos(1));
            } else if (time.isBefore(first)) {
                slot = cron.next(day.atTime(first).minusNanos(1));
            } else {
                return slot;
            }
        }
        return null;
    }

    private static LocalTime firstTime(LocalTime startingTime) {
        return startingTime == null ? LocalTime.MIDNIGHT : startingTime;
    }
}
