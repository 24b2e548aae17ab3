package com.contactsync.scheduler.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Like Business Central's auto-created job queue entry: created on the first start, then the operators' to change. */
@RealInfrastructure
class DefaultSchedulesTest {

    private static final SteppedClock CLOCK = new SteppedClock(Instant.parse("2030-01-07T08:00:30Z"));

    @Test
    void theFirstStartCreatesADailyFullAndAQuarterHourlyIncrementalScheduleForAllUsers(Infrastructure infrastructure) {
        try (RunningScheduler service = RunningScheduler.start(withDefaults(infrastructure), CLOCK)) {
            assertThat(schedules(service)).containsExactly(
                    Map.of("id", DefaultSchedules.FULL_DAILY, "mode", "FULL", "everyMinutes", 1440, "timeZone",
                            "Europe/Rome", "nextRunAt", "2030-01-07T23:00:00Z"),
                    Map.of("id", DefaultSchedules.INCREMENTAL_EVERY_15_MINUTES, "mode", "INCREMENTAL",
                            "everyMinutes", 15, "timeZone", "Europe/Rome", "nextRunAt", "2030-01-07T08:15:00Z"));
            service.http.get().uri("/api/v1/schedules/{id}", DefaultSchedules.FULL_DAILY).exchange()
                    .expectBody()
                    .jsonPath("$.userId").isEmpty()
                    .jsonPath("$.enabled").isEqualTo(true)
                    .jsonPath("$.weekdays.length()").isEqualTo(7);
        }
    }

    @Test
    void defaultsChangedOrDeletedAreNotCreatedAgainOnTheNextStart(Infrastructure infrastructure) {
        Map<String, Object> properties = withDefaults(infrastructure);
        try (RunningScheduler first = RunningScheduler.start(properties, CLOCK)) {
            first.http.delete().uri("/api/v1/schedules/{id}", DefaultSchedules.FULL_DAILY).exchange()
                    .expectStatus().isNoContent();
            first.http.put().uri("/api/v1/schedules/{id}", DefaultSchedules.INCREMENTAL_EVERY_15_MINUTES)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"mode\":\"INCREMENTAL\",\"everyMinutes\":30,\"timeZone\":\"Europe/Rome\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(Void.class);
        }

        try (RunningScheduler restarted = RunningScheduler.start(properties, CLOCK)) {
            assertThat(schedules(restarted)).containsExactly(
                    Map.of("id", DefaultSchedules.INCREMENTAL_EVERY_15_MINUTES, "mode", "INCREMENTAL",
                            "everyMinutes", 30, "timeZone", "Europe/Rome", "nextRunAt", "2030-01-07T08:30:00Z"));
        }
    }

    @Test
    void noDefaultsWhenTurnedOff(Infrastructure infrastructure) {
        try (RunningScheduler service = RunningScheduler.start(RunningScheduler.properties(infrastructure), CLOCK)) {
            assertThat(schedules(service)).isEmpty();
        }
    }

    private static Map<String, Object> withDefaults(Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        properties.put("contactsync.scheduler.seed-defaults", true);
        properties.put("contactsync.scheduler.default-time-zone", "Europe/Rome");
        return properties;
    }

    /** The schedules' ids and a few fields each. */
    private static List<Map<String, Object>> schedules(RunningScheduler service) {
        List<String> fields = List.of("id", "mode", "everyMinutes", "timeZone", "nextRunAt");
        return service.http.get().uri("/api/v1/schedules").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody().stream()
                .map(schedule -> Map.copyOf(fields.stream().collect(Collectors.toMap(
                        field -> field, schedule::get))))
                .toList();
    }
}
