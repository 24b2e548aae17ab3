package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.ApiProblem.FieldProblem;
import com.contactsync.scheduler.recurrence.Recurrence;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * The body of {@code PUT /api/v1/schedules/{id}}. Fields come as text and are checked here, so every broken rule is
 * reported with its field (422) rather than as an unreadable body; read-only fields of a GET are ignored, so a read
 * schedule can be sent back changed.
 *
 * @param userId       null for every enabled user
 * @param mode         {@code INCREMENTAL} or {@code FULL}
 * @param everyMinutes minutes between runs (1 to 1440), like the job queue's "No. of Minutes between Runs"
 * @param cron         instead of everyMinutes: Spring's cron expression (six fields, seconds first, or a macro)
 * @param weekdays     {@code MONDAY} ... {@code SUNDAY}; absent: every day
 * @param startingTime {@code HH:mm[:ss]}; absent: midnight
 * @param endingTime   {@code HH:mm[:ss]}, after startingTime, inclusive; absent: until midnight
 * @param timeZone     IANA zone id such as {@code Europe/Rome}; absent: the service's default zone
 * @param enabled      absent: true
 */
record ScheduleRequest(String userId, String mode, Integer everyMinutes, String cron, List<String> weekdays,
                       String startingTime, String endingTime, String timeZone, Boolean enabled) {

    /**
     * @param now to refuse a cron that, with these weekdays and times, never runs again
     * @throws ApiProblem 422 listing every field that breaks a rule
     */
    ScheduleDefinition toDefinition(ZoneId defaultZone, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (userId != null && userId.isBlank()) {
            problems.add(new FieldProblem("userId", "not-blank", "must not be blank; leave it out (null) for all users"));
        }
        SyncMode syncMode = mode(problems);
        CronExpression cronExpression = recurrenceKind(problems);
        Set<DayOfWeek> days = weekdays(problems);
        LocalTime starting = time("startingTime", startingTime, problems);
        LocalTime ending = time("endingTime", endingTime, problems);
        if (ending != null && !ending.isAfter(starting == null ? LocalTime.MIDNIGHT : starting)) {
            problems.add(new FieldProblem("endingTime", "after-starting-time",
                    "must be after startingTime (" + (starting == null ? "midnight" : starting) + ")"));
        }
        ZoneId zone = zone(defaultZone, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Recurrence recurrence = new Recurrence(everyMinutes, cronExpression, days, starting, ending, zone);
        boolean isEnabled = enabled == null || enabled;
        if (isEnabled && cronExpression != null && recurrence.nextAfter(now).isEmpty()) {
            throw ApiProblem.invalid("cron", "never-runs", "matches no time within " + Recurrence.CRON_HORIZON.getYears()
                    + " years on the given weekdays between startingTime and endingTime");
        }
        return new ScheduleDefinition(userId, syncMode, recurrence, isEnabled);
    }

    private SyncMode mode(List<FieldProblem> problems) {
        if (mode == null) {
            problems.add(new FieldProblem("mode", "required", "must be INCREMENTAL or FULL"));
            return null;
        }
        try {
            return SyncMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("mode", "enum", "must be INCREMENTAL or FULL, not " + mode));
            return null;
        }
    }

    /** The cron expression when that is the way of repeating; problems when there is not exactly one way. */
    private CronExpression recurrenceKind(List<FieldProblem> problems) {
        if (everyMinutes == null && cron == null) {
            problems.add(new FieldProblem("everyMinutes", "required",
                    "give everyMinutes (every N minutes) or cron (a cron expression)"));
        } else if (everyMinutes != null && cron != null) {
            problems.add(new FieldProblem("cron", "exclusive", "give either everyMinutes or cron, not both"));
        } else if (everyMinutes != null && (everyMinutes < 1 || everyMinutes > Recurrence.MAX_EVERY_MINUTES)) {
            problems.add(new FieldProblem("everyMinutes", "range", "must be from 1 to " + Recurrence.MAX_EVERY_MINUTES
                    + " (a day); for longer intervals use weekdays or a cron expression"));
        } else if (cron != null) {
            try {
                return CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("cron", "cron", e.getMessage()
                        + " (six fields: second minute hour day-of-month month day-of-week, or @hourly, @daily, ...)"));
            }
        }
        return null;
    }

    private Set<DayOfWeek> weekdays(List<FieldProblem> problems) {
        if (weekdays == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (weekdays.isEmpty()) {
            problems.add(new FieldProblem("weekdays", "not-empty", "name at least one day; leave it out for every day"));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < weekdays.size(); i++) {
            String day = weekdays.get(i);
            Optional<DayOfWeek> known = Arrays.stream(DayOfWeek.values())
                    .filter(weekday -> day != null && weekday.name().equalsIgnoreCase(day.trim()))
                    .findFirst();
            known.ifPresent(days::add);
            if (known.isEmpty()) {
                problems.add(new FieldProblem("weekdays[" + i + "]", "weekday",
                        "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, not " + day));
            }
        }
        return days;
    }

    private static LocalTime time(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "time", "must be a time of day HH:mm or HH:mm:ss, not " + value));
            return null;
        }
    }

    private ZoneId zone(ZoneId defaultZone, List<FieldProblem> problems) {
        if (timeZone == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "zone",
                    "must be a time zone id such as Europe/Rome or UTC, not " + timeZone));
            return null;
        }
    }
}
