package com.contactsync.scheduler.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.springframework.scheduling.support.CronExpression;

/**
 * The recurrence rules for any interval, window, weekdays and zone, and any "now" - half of them within two days of a
 * daylight-saving change of the zone.
 */
class RecurrenceProperties {

    /** Zones with and without daylight saving, one changing by 30 minutes, one changing at midnight. */
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran");
    private static final List<String> CRONS = List.of("0 */5 * * * *", "0 0 * * * *", "0 30 2 * * *",
            "0 15 9-17 * * MON-FRI", "30 45 23 * * *", "0 0 0 1 * *", "@daily");
    private static final int RUNS = 60;

    @Property
    void theNextRunIsAfterNowOnAnAllowedWeekdayWithinTheWindow(@ForAll("recurrences") Recurrence recurrence,
                                                                @ForAll("instants") Instant now) {
        Occurrence next = recurrence.nextAfter(now).orElseThrow();

        assertThat(next.at()).isAfter(now);
        assertWithinRules(recurrence, next);
    }

    @Property
    void runsAreStrictlyIncreasingAndNeverCloserThanNMinutesOfWallClockTime(
            @ForAll("recurrences") Recurrence recurrence, @ForAll("instants") Instant now) {
        List<Occurrence> runs = runs(recurrence, now);

        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).at()).isAfter(runs.get(i - 1).at());
            assertThat(Duration.between(runs.get(i - 1).slot(), runs.get(i).slot()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(recurrence.everyMinutes()));
            assertWithinRules(recurrence, runs.get(i));
        }
    }

    @Property
    void withoutDaylightSavingRunsAreNeverCloserThanNMinutes(@ForAll("fixedOffsetRecurrences") Recurrence recurrence,
                                                            @ForAll("instants") Instant now) {
        List<Occurrence> runs = runs(recurrence, now);

        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1).at(), runs.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(recurrence.everyMinutes()));
        }
    }

    /**
     * Daylight saving neither skips nor doubles a run: every slot of the plain grid runs once, at its wall-clock time
     * or, when the clock skips it, as the clock jumps (one run for all slots of a gap and the slot where it ends).
     */
    @Property
    void everySlotOfTheGridRunsOnceAcrossDaylightSavingChanges(
            @ForAll("divisorsOfADay") int everyMinutes, @ForAll @IntRange(max = 23) int startingHour,
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant now) {
        Recurrence recurrence = new Recurrence(everyMinutes, null, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(startingHour, 0), null, zone);
        List<Occurrence> runs = runs(recurrence, now);
        Instant first = runs.get(0).at();
        Instant last = runs.get(runs.size() - 1).at();

        Set<Instant> grid = new TreeSet<>();
        LocalDate lastDay = LocalDateTime.ofInstant(last, zone).toLocalDate().plusDays(1);
        for (LocalDate day = LocalDateTime.ofInstant(first, zone).toLocalDate().minusDays(1); !day.isAfter(lastDay);
             day = day.plusDays(1)) {
            for (int minute = startingHour * 60; minute < 1440; minute += everyMinutes) {
                Instant at = dueAt(day.atStartOfDay().plusMinutes(minute), zone);
                if (!at.isBefore(first) && !at.isAfter(last)) {
                    grid.add(at);
                }
            }
        }
        assertThat(runs).extracting(Occurrence::at).containsExactlyElementsOf(grid);
    }

    @Property
    void aCronRunsWhereItMatchesOnAnAllowedWeekdayWithinTheWindow(@ForAll("crons") Recurrence recurrence,
                                                                  @ForAll("instants") Instant now) {
        recurrence.nextAfter(now).ifPresent(next -> {
            assertThat(next.at()).isAfter(now);
            assertThat(recurrence.cron().next(next.slot().minusNanos(1))).isEqualTo(next.slot());
            assertWithinRules(recurrence, next);
            recurrence.nextAfter(next.at()).ifPresent(after -> assertThat(after.slot()).isAfter(next.slot()));
        });
    }

    /** The slot obeys weekdays and window, and it is due at its wall-clock time, or when the clock jumps past it. */
    private static void assertWithinRules(Recurrence recurrence, Occurrence occurrence) {
        LocalDateTime slot = occurrence.slot();
        assertThat(recurrence.weekdays()).contains(slot.getDayOfWeek());
        LocalTime starting = recurrence.startingTime() == null ? LocalTime.MIDNIGHT : recurrence.startingTime();
        assertThat(slot.toLocalTime()).isAfterOrEqualTo(starting);
        if (recurrence.endingTime() != null) {
            assertThat(slot.toLocalTime()).isBeforeOrEqualTo(recurrence.endingTime());
        }
        assertThat(occurrence.at()).isEqualTo(dueAt(slot, recurrence.zone()));
    }

    /** A wall-clock time's instant: its first pass when the clock shows it twice, the jump when it skips it. */
    private static Instant dueAt(LocalDateTime slot, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(slot);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return slot.toInstant(transition != null ? transition.getOffsetBefore() : zone.getRules().getOffset(slot));
    }

    private static List<Occurrence> runs(Recurrence recurrence, Instant now) {
        List<Occurrence> runs = new ArrayList<>();
        Instant after = now;
        for (int i = 0; i < RUNS; i++) {
            Occurrence next = recurrence.nextAfter(after).orElseThrow();
            runs.add(next);
            after = next.at();
        }
        return runs;
    }

    @Provide
    Arbitrary<Recurrence> recurrences() {
        return recurrencesIn(zones());
    }

    @Provide
    Arbitrary<Recurrence> fixedOffsetRecurrences() {
        return recurrencesIn(Arbitraries.of("UTC", "Asia/Kolkata", "+05:45").map(ZoneId::of));
    }

    @Provide
    Arbitrary<Recurrence> crons() {
        return Combinators.combine(Arbitraries.of(CRONS), weekdays(), windows(), zones())
                .as((cron, weekdays, window, zone) -> new Recurrence(null, CronExpression.parse(cron), weekdays,
                        window.get(0), window.get(1), zone));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Integer> divisorsOfADay() {
        return Arbitraries.of(1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440);
    }

    /** Uniform over ten years, or within two days of a daylight-saving change (the first of a half-year). */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyTime = Arbitraries.longs()
                .between(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2030-01-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearAChange = Combinators.combine(zones(), Arbitraries.integers().between(2020, 2029),
                        Arbitraries.of(1, 7))
                .as((zone, year, month) -> zone.getRules()
                        .nextTransition(LocalDate.of(year, month, 1).atStartOfDay(zone).toInstant()))
                .filter(transition -> transition != null)
                .flatMap(transition -> Arbitraries.longs().between(-2 * 86_400, 2 * 86_400)
                        .map(seconds -> transition.getInstant().plusSeconds(seconds)));
        return Arbitraries.oneOf(anyTime, nearAChange);
    }

    private Arbitrary<Recurrence> recurrencesIn(Arbitrary<ZoneId> zones) {
        Arbitrary<Integer> everyMinutes = Arbitraries.oneOf(Arbitraries.integers().between(1, 120),
                Arbitraries.integers().between(1, 1440));
        return Combinators.combine(everyMinutes, weekdays(), windows(), zones)
                .as((minutes, weekdays, window, zone) -> new Recurrence(minutes, null, weekdays, window.get(0),
                        window.get(1), zone));
    }

    private static Arbitrary<Set<DayOfWeek>> weekdays() {
        return Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).map(EnumSet::copyOf);
    }

    /** [startingTime, endingTime], each possibly absent (null), the ending after the starting time. */
    private static Arbitrary<List<LocalTime>> windows() {
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 1439).map(minute -> LocalTime.ofSecondOfDay(minute * 60L));
        return Combinators.combine(times.injectNull(0.3), times.injectNull(0.3)).as((starting, ending) -> {
            LocalTime first = starting == null ? LocalTime.MIDNIGHT : starting;
            List<LocalTime> window = new ArrayList<>();
            window.add(starting);
            window.add(ending != null && ending.isAfter(first) ? ending : null);
            return window;
        });
    }
}
