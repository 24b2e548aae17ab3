package com.contactsync.scheduler.recurrence;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** The recurrence rules, on a clock the test sets: every occurrence is computed from an explicit "now". */
class RecurrenceTest {

    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Nested
    class EveryNMinutes {

        @Test
        void runsOnAGridFromTheStartingTimeStrictlyAfterNow() {
            Recurrence every15 = every(15, EVERY_DAY, null, null, UTC);

            assertThat(runs(every15, "2025-06-02T10:07:00Z", 3))
                    .containsExactly(at("2025-06-02T10:15:00Z"), at("2025-06-02T10:30:00Z"), at("2025-06-02T10:45:00Z"));
            assertThat(runs(every15, "2025-06-02T10:15:00Z", 1)).containsExactly(at("2025-06-02T10:30:00Z"));
        }

        @Test
        void runsWithinTheWindowEndingTimeIncludedAndEachDayStartsAgainAtTheStartingTime() {
            Recurrence every45 = every(45, EVERY_DAY, LocalTime.of(8, 0), LocalTime.of(9, 30), UTC);

            assertThat(runs(every45, "2025-06-02T06:00:00Z", 4)).containsExactly(
                    at("2025-06-02T08:00:00Z"), at("2025-06-02T08:45:00Z"), at("2025-06-02T09:30:00Z"),
                    at("2025-06-03T08:00:00Z"));
        }

        @Test
        void runsOnlyOnTheGivenWeekdays() {
            // 2025-06-02 is a Monday.
            Recurrence daily = every(1440, EnumSet.of(MONDAY, WEDNESDAY), LocalTime.of(6, 0), null, UTC);

            assertThat(runs(daily, "2025-06-02T06:00:00Z", 3)).containsExactly(
                    at("2025-06-04T06:00:00Z"), at("2025-06-09T06:00:00Z"), at("2025-06-11T06:00:00Z"));
        }

        @Test
        void readsWeekdaysAndTimesOnTheWallClockOfItsZone() {
            // Monday 08:00 in New York is Monday 12:00 UTC; Sunday 22:00 UTC is still Sunday there.
            Recurrence mondayMornings = every(60, EnumSet.of(MONDAY), LocalTime.of(8, 0), LocalTime.of(9, 0),
                    NEW_YORK);

            assertThat(runs(mondayMornings, "2025-06-01T22:00:00Z", 3)).containsExactly(
                    at("2025-06-02T12:00:00Z"), at("2025-06-02T13:00:00Z"), at("2025-06-09T12:00:00Z"));
        }

        @Test
        void leavesOutARunCloserThanNMinutesToThePreviousDaysLast() {
            // 1440 is not a multiple of 7: the day's last run is 23:55, so the next day starts at 00:07, not 00:00.
            Recurrence every7 = every(7, EVERY_DAY, null, null, UTC);

            assertThat(runs(every7, "2025-06-02T23:50:00Z", 2))
                    .containsExactly(at("2025-06-02T23:55:00Z"), at("2025-06-03T00:07:00Z"));
        }

        @Test
        void startsAtTheStartingTimeWhenTheDayBeforeHasNoRuns() {
            Recurrence every7OnTuesdays = every(7, EnumSet.of(TUESDAY), null, null, UTC);

            assertThat(runs(every7OnTuesdays, "2025-06-02T23:50:00Z", 1)).containsExactly(at("2025-06-03T00:00:00Z"));
        }

        @Test
        void countsTheOccurrencesAfterOneInstantUpToAnother() {
            Recurrence everyMinute = every(1, EVERY_DAY, null, null, UTC);

            assertThat(everyMinute.countBetween(at("2025-06-02T08:01:00Z"), at("2025-06-02T08:02:40Z"), 100))
                    .isEqualTo(1);
            assertThat(everyMinute.countBetween(at("2025-06-02T08:01:00Z"), at("2025-06-02T09:01:00Z"), 100))
                    .isEqualTo(60);
            assertThat(everyMinute.countBetween(at("2025-06-02T08:01:00Z"), at("2025-06-03T08:01:00Z"), 100))
                    .isEqualTo(100);
        }
    }

    @Nested
    class Cron {

        @Test
        void runsWhereTheExpressionMatchesOnTheWallClockOfItsZone() {
            // 2025-06-06 is a Friday; 09:00 in Berlin (summer time) is 07:00 UTC.
            Recurrence workdayMornings = cron("0 0 9 * * MON-FRI", EVERY_DAY, null, null, BERLIN);

            assertThat(runs(workdayMornings, "2025-06-06T08:00:00Z", 2))
                    .containsExactly(at("2025-06-09T07:00:00Z"), at("2025-06-10T07:00:00Z"));
        }

        @Test
        void isNarrowedByWeekdaysAndTheWindow() {
            Recurrence halfHourly = cron("0 */30 * * * *", EnumSet.of(TUESDAY), LocalTime.of(8, 0),
                    LocalTime.of(9, 0), UTC);

            assertThat(runs(halfHourly, "2025-06-02T12:00:00Z", 4)).containsExactly(
                    at("2025-06-03T08:00:00Z"), at("2025-06-03T08:30:00Z"), at("2025-06-03T09:00:00Z"),
                    at("2025-06-10T08:00:00Z"));
        }

        @Test
        void acceptsMacros() {
            assertThat(runs(cron("@daily", EVERY_DAY, null, null, UTC), "2025-06-02T10:00:00Z", 1))
                    .containsExactly(at("2025-06-03T00:00:00Z"));
        }

        @Test
        void hasNoNextRunWhenItNeverMatchesTheWeekdaysOrTheWindow() {
            assertThat(cron("0 0 12 * * MON", EnumSet.of(TUESDAY), null, null, UTC).nextAfter(at("2025-06-02T00:00:00Z")))
                    .isEmpty();
            assertThat(cron("0 0 12 * * *", EVERY_DAY, LocalTime.of(13, 0), null, UTC)
                    .nextAfter(at("2025-06-02T00:00:00Z"))).isEmpty();
        }

        @Test
        void findsARareMatchWithinTheHorizon() {
            // 29 February on a Tuesday: 2028.
            assertThat(runs(cron("0 0 0 29 2 *", EnumSet.of(TUESDAY), null, null, UTC), "2025-06-02T00:00:00Z", 1))
                    .containsExactly(at("2028-02-29T00:00:00Z"));
        }
    }

    /** Europe/Berlin: 2025-03-30 02:00 becomes 03:00 (UTC+1 to UTC+2); 2025-10-26 03:00 becomes 02:00 again. */
    @Nested
    class DaylightSavingTime {

        @Test
        void springForwardNeitherSkipsNorDoublesADailyRunInTheSkippedHour() {
            Recurrence daily0230 = every(1440, EVERY_DAY, LocalTime.of(2, 30), null, BERLIN);

            // The skipped 02:30 runs as the clock jumps, 03:00 summer time.
            assertThat(runs(daily0230, "2025-03-28T12:00:00Z", 3)).containsExactly(
                    at("2025-03-29T02:30:00+01:00"), at("2025-03-30T03:00:00+02:00"), at("2025-03-31T02:30:00+02:00"));
        }

        @Test
        void springForwardGivesTheSameRunsForTheSameCron() {
            Recurrence cron0230 = cron("0 30 2 * * *", EVERY_DAY, null, null, BERLIN);

            assertThat(runs(cron0230, "2025-03-28T12:00:00Z", 3)).containsExactly(
                    at("2025-03-29T02:30:00+01:00"), at("2025-03-30T03:00:00+02:00"), at("2025-03-31T02:30:00+02:00"));
        }

        @Test
        void springForwardRunsSlotsFallingIntoTheGapOnceAsTheClockJumps() {
            assertThat(runs(every(15, EVERY_DAY, null, null, BERLIN), "2025-03-30T01:30:00+01:00", 3)).containsExactly(
                    at("2025-03-30T01:45:00+01:00"), at("2025-03-30T03:00:00+02:00"), at("2025-03-30T03:15:00+02:00"));
            // 02:05, 02:30 and 02:55 do not exist that night: one run at 03:00 stands for them.
            assertThat(runs(every(25, EVERY_DAY, null, null, BERLIN), "2025-03-30T01:30:00+01:00", 3)).containsExactly(
                    at("2025-03-30T01:40:00+01:00"), at("2025-03-30T03:00:00+02:00"), at("2025-03-30T03:20:00+02:00"));
        }

        @Test
        void fallBackRunsADailyRunInTheRepeatedHourOnce() {
            Recurrence daily0230 = every(1440, EVERY_DAY, LocalTime.of(2, 30), null, BERLIN);

            assertThat(runs(daily0230, "2025-10-25T12:00:00Z", 2))
                    .containsExactly(at("2025-10-26T02:30:00+02:00"), at("2025-10-27T02:30:00+01:00"));
            // Asked during the repeated hour's second pass, it is already done for the day.
            assertThat(runs(daily0230, "2025-10-26T02:10:00+01:00", 1)).containsExactly(at("2025-10-27T02:30:00+01:00"));
        }

        @Test
        void fallBackGivesTheSameRunsForTheSameCron() {
            Recurrence cron0230 = cron("0 30 2 * * *", EVERY_DAY, null, null, BERLIN);

            assertThat(runs(cron0230, "2025-10-25T12:00:00Z", 2))
                    .containsExactly(at("2025-10-26T02:30:00+02:00"), at("2025-10-27T02:30:00+01:00"));
        }

        @Test
        void fallBackRunsEachSlotOfTheRepeatedHourOnceOnItsFirstPass() {
            Recurrence every15 = every(15, EVERY_DAY, null, null, BERLIN);

            assertThat(runs(every15, "2025-10-26T02:40:00+02:00", 2))
                    .containsExactly(at("2025-10-26T02:45:00+02:00"), at("2025-10-26T03:00:00+01:00"));
            assertThat(runs(every15, "2025-10-26T02:40:00+01:00", 1)).containsExactly(at("2025-10-26T03:00:00+01:00"));
        }

        @Test
        void followsEachZonesOwnChangeDates() {
            // New York: 2025-03-09 02:00 becomes 03:00; 2025-11-02 02:00 becomes 01:00.
            Recurrence daily0230 = every(1440, EVERY_DAY, LocalTime.of(2, 30), null, NEW_YORK);

            assertThat(runs(daily0230, "2025-03-08T12:00:00Z", 2))
                    .containsExactly(at("2025-03-09T03:00:00-04:00"), at("2025-03-10T02:30:00-04:00"));
            assertThat(runs(every(1440, EVERY_DAY, LocalTime.of(1, 30), null, NEW_YORK), "2025-11-01T12:00:00Z", 2))
                    .containsExactly(at("2025-11-02T01:30:00-04:00"), at("2025-11-03T01:30:00-05:00"));
        }
    }

    @Test
    void refusesWhatIsNotARecurrence() {
        CronExpression hourly = CronExpression.parse("@hourly");
        assertThatThrownBy(() -> new Recurrence(5, hourly, EVERY_DAY, null, null, UTC))
                .hasMessageContaining("Exactly one");
        assertThatThrownBy(() -> new Recurrence(null, null, EVERY_DAY, null, null, UTC))
                .hasMessageContaining("Exactly one");
        assertThatThrownBy(() -> every(0, EVERY_DAY, null, null, UTC)).hasMessageContaining("from 1 to 1440");
        assertThatThrownBy(() -> every(1441, EVERY_DAY, null, null, UTC)).hasMessageContaining("from 1 to 1440");
        assertThatThrownBy(() -> every(5, EnumSet.noneOf(DayOfWeek.class), null, null, UTC))
                .hasMessageContaining("weekday");
        assertThatThrownBy(() -> every(5, EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(8, 0), UTC))
                .hasMessageContaining("endingTime");
    }

    static Recurrence every(int minutes, Set<DayOfWeek> weekdays, LocalTime starting, LocalTime ending, ZoneId zone) {
        return new Recurrence(minutes, null, weekdays, starting, ending, zone);
    }

    static Recurrence cron(String expression, Set<DayOfWeek> weekdays, LocalTime starting, LocalTime ending,
                           ZoneId zone) {
        return new Recurrence(null, CronExpression.parse(expression), weekdays, starting, ending, zone);
    }

    /** The next {@code count} runs after {@code now}, each computed from the one before. */
    private static List<Instant> runs(Recurrence recurrence, String now, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant after = at(now);
        for (int i = 0; i < count; i++) {
            after = recurrence.nextAfter(after).orElseThrow().at();
            runs.add(after);
        }
        return runs;
    }

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }
}
