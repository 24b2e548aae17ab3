package com.contactsync.scheduler.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.SyncMode;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/** The REST contract of DESIGN.md, on a clock that stands still at Monday 2030-01-07 08:00:30 UTC. */
@RealInfrastructure
class ScheduleApiTest {

    private static final Instant NOW = Instant.parse("2030-01-07T08:00:30Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Map<String, Object> properties;
    private static RunningScheduler service;
    private static TopicReader triggers;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        properties = RunningScheduler.properties(infrastructure);
        service = RunningScheduler.start(properties, new SteppedClock(NOW));
        triggers = TopicReader.fromBeginning((String) properties.get("contactsync.scheduler.triggers-topic"));
    }

    @AfterAll
    static void stop() {
        triggers.close();
        service.close();
    }

    @Test
    void putCreatesAScheduleThatReadsBackWithItsNextRunInItsZone() {
        // Monday 09:00:30 in Rome: the next hourly run within 08:00-17:00 is 10:00 Rome, 09:00 UTC.
        service.http.put().uri("/api/v1/schedules/anna-workdays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"userId":"anna","mode":"INCREMENTAL","everyMinutes":60,"weekdays":["monday","FRIDAY"],
                         "startingTime":"08:00","endingTime":"17:00:30","timeZone":"Europe/Rome"}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/schedules/anna-workdays")
                .expectBody()
                .jsonPath("$.id").isEqualTo("anna-workdays")
                .jsonPath("$.userId").isEqualTo("anna")
                .jsonPath("$.mode").isEqualTo("INCREMENTAL")
                .jsonPath("$.everyMinutes").isEqualTo(60)
                .jsonPath("$.cron").isEmpty()
                .jsonPath("$.weekdays").isEqualTo(List.of("MONDAY", "FRIDAY"))
                .jsonPath("$.startingTime").isEqualTo("08:00")
                .jsonPath("$.endingTime").isEqualTo("17:00:30")
                .jsonPath("$.timeZone").isEqualTo("Europe/Rome")
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.nextRunAt").isEqualTo("2030-01-07T09:00:00Z")
                .jsonPath("$.lastRunAt").isEmpty()
                .jsonPath("$.lastOutcome").isEmpty();

        service.http.get().uri("/api/v1/schedules/anna-workdays").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.nextRunAt").isEqualTo("2030-01-07T09:00:00Z");
    }

    @Test
    void absentFieldsTakeTheirDefaultsAndACronRunsWhereItMatches() {
        put("all-nightly", """
                {"mode":"FULL","cron":"0 0 2 * * *"}""")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.userId").isEmpty()
                .jsonPath("$.everyMinutes").isEmpty()
                .jsonPath("$.cron").isEqualTo("0 0 2 * * *")
                .jsonPath("$.weekdays.length()").isEqualTo(7)
                .jsonPath("$.startingTime").isEmpty()
                .jsonPath("$.endingTime").isEmpty()
                .jsonPath("$.timeZone").isEqualTo("UTC")
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.nextRunAt").isEqualTo("2030-01-08T02:00:00Z");
    }

    @Test
    void putReplacesAScheduleAndTheEngineExecutionFollowsItsNextRun() {
        put("replaced", """
                {"userId":"ben","mode":"INCREMENTAL","everyMinutes":15}""").expectStatus().isCreated().expectBody(Void.class);
        assertThat(executionTime("replaced")).isEqualTo(Instant.parse("2030-01-07T08:15:00Z"));

        put("replaced", """
                {"userId":"ben","mode":"FULL","everyMinutes":30}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("FULL")
                .jsonPath("$.nextRunAt").isEqualTo("2030-01-07T08:30:00Z");
        assertThat(executionTime("replaced")).isEqualTo(Instant.parse("2030-01-07T08:30:00Z"));
    }

    @Test
    void aDisabledScheduleHasNoNextRunAndNoEngineExecutionUntilEnabledAgain() {
        put("paused", """
                {"mode":"FULL","everyMinutes":60,"enabled":false}""")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.nextRunAt").isEmpty();
        assertThat(executionCount("paused")).isZero();

        put("paused", """
                {"mode":"FULL","everyMinutes":60,"enabled":true}""")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.nextRunAt").isEqualTo("2030-01-07T09:00:00Z");
        assertThat(executionTime("paused")).isEqualTo(Instant.parse("2030-01-07T09:00:00Z"));
    }

    @Test
    void deleteRemovesTheScheduleAndItsEngineExecution() {
        put("deleted", """
                {"mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);

        service.http.delete().uri("/api/v1/schedules/deleted").exchange().expectStatus().isNoContent();

        service.http.get().uri("/api/v1/schedules/deleted").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
        service.http.delete().uri("/api/v1/schedules/deleted").exchange().expectStatus().isNotFound()
                .expectBody(Void.class);
        assertThat(executionCount("deleted")).isZero();
    }

    @Test
    void listsEverySchedule() {
        put("listed-b", """
                {"mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);
        put("listed-a", """
                {"mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);

        service.http.get().uri("/api/v1/schedules").exchange()
                .expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .value(list -> assertThat(list).extracting(schedule -> schedule.get("id"))
                        .isSorted()
                        .contains("listed-a", "listed-b"));
    }

    @Test
    void runNowAsksForTheUsersSyncWithARunIdThatTheScheduleRecords() {
        put("run-now-carla", """
                {"userId":"carla","mode":"FULL","everyMinutes":1440}""").expectStatus().isCreated().expectBody(Void.class);

        String runId = service.http.post().uri("/api/v1/schedules/run-now-carla/run-now").exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();

        ConsumerRecord<String, byte[]> trigger = trigger("run-now-carla");
        assertThat(trigger.key()).isEqualTo("carla");
        assertThat(TopicReader.header(trigger, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SYNC_REQUESTED);
        assertThat(TopicReader.header(trigger, CloudEventHeaders.SOURCE)).isEqualTo("/contactsync/scheduler-service");
        assertThat(TopicReader.header(trigger, CloudEventHeaders.TIME)).isEqualTo(NOW.toString());
        assertThat(EventJson.read(trigger.value(), SyncRequested.class)).isEqualTo(
                new SyncRequested("carla", SyncMode.FULL, "schedule run-now-carla run now", "run-now-carla", runId));
        service.http.get().uri("/api/v1/schedules/run-now-carla").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lastRunAt").isEqualTo(NOW.toString())
                .jsonPath("$.lastRunId").isEqualTo(runId)
                .jsonPath("$.lastOutcome.result").isEqualTo("RUN_NOW")
                .jsonPath("$.lastOutcome.dueAt").isEmpty()
                .jsonPath("$.nextRunAt").isEqualTo("2030-01-08T00:00:00Z");
    }

    @Test
    void runNowForAllUsersIsKeyedStarAndTheScheduleRecordsTheTriggersId() {
        put("run-now-all", """
                {"mode":"INCREMENTAL","everyMinutes":15,"enabled":false}""").expectStatus().isCreated().expectBody(Void.class);

        String runId = service.http.post().uri("/api/v1/schedules/run-now-all/run-now").exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();

        ConsumerRecord<String, byte[]> trigger = trigger("run-now-all");
        assertThat(trigger.key()).isEqualTo("*");
        assertThat(TopicReader.header(trigger, CloudEventHeaders.ID)).isEqualTo(runId);
        assertThat(EventJson.read(trigger.value(), SyncRequested.class)).isEqualTo(new SyncRequested(
                null, SyncMode.INCREMENTAL, "schedule run-now-all run now", "run-now-all", null));
        service.http.get().uri("/api/v1/schedules/run-now-all").exchange()
                .expectBody().jsonPath("$.lastRunId").isEqualTo(runId);
    }

    @Test
    void runNowIsCountedByScheduleAndMode() {
        put("counted", """
                {"userId":"dora","mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);
        service.http.post().uri("/api/v1/schedules/counted/run-now").exchange().expectStatus().isAccepted()
                .expectBody(Void.class);

        service.http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).containsPattern(
                        "contactsync_scheduler_triggers_total\\{kind=\"run-now\",mode=\"FULL\",schedule=\"counted\""
                                + ",service=\"scheduler-service\"} 1\\.0"));
    }

    @Test
    void aReadScheduleCanBeSentBackChangedItsReadOnlyFieldsIgnored() {
        put("round-trip", """
                {"mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);
        String read = new String(service.http.get().uri("/api/v1/schedules/round-trip").exchange()
                .expectBody().returnResult().getResponseBody());

        put("round-trip", read.replace("\"FULL\"", "\"INCREMENTAL\""))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("INCREMENTAL");
    }

    /** What firing relies on: the engine's own statements commit or roll back with the caller's transaction. */
    @Test
    void theEnginesBookkeepingJoinsTheCallersTransaction() {
        put("rolled-back", """
                {"mode":"FULL","everyMinutes":60}""").expectStatus().isCreated().expectBody(Void.class);
        Instant planned = executionTime("rolled-back");

        service.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            service.bean(SchedulerClient.class).reschedule(TaskInstanceId.of(ScheduleEngine.TASK, "rolled-back"),
                    planned.plus(Duration.ofDays(1)));
            status.setRollbackOnly();
        });

        assertThat(executionTime("rolled-back")).isEqualTo(planned);
    }

    @Test
    void runNowOfAnUnknownScheduleIsNotFound() {
        service.http.post().uri("/api/v1/schedules/nobody/run-now").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of("{\"mode\":\"FULL\",\"cron\":\"0 0 25 * * *\"}", "cron", "cron"),
                Arguments.of("{\"mode\":\"FULL\",\"cron\":\"every day\"}", "cron", "cron"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"cron\":\"@daily\"}", "cron", "exclusive"),
                Arguments.of("{\"mode\":\"FULL\"}", "everyMinutes", "required"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":0}", "everyMinutes", "range"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":1441}", "everyMinutes", "range"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"startingTime\":\"17:00\",\"endingTime\":\"08:00\"}",
                        "endingTime", "after-starting-time"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"endingTime\":\"00:00\"}",
                        "endingTime", "after-starting-time"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"startingTime\":\"8 am\"}", "startingTime", "time"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"timeZone\":\"Mars/Olympus_Mons\"}",
                        "timeZone", "zone"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"weekdays\":[\"MONDAY\",\"FUNDAY\"]}",
                        "weekdays[1]", "weekday"),
                Arguments.of("{\"mode\":\"FULL\",\"everyMinutes\":5,\"weekdays\":[]}", "weekdays", "not-empty"),
                Arguments.of("{\"mode\":\"PARTIAL\",\"everyMinutes\":5}", "mode", "enum"),
                Arguments.of("{\"everyMinutes\":5}", "mode", "required"),
                Arguments.of("{\"userId\":\" \",\"mode\":\"FULL\",\"everyMinutes\":5}", "userId", "not-blank"),
                Arguments.of("{\"mode\":\"FULL\",\"cron\":\"0 0 12 * * MON\",\"weekdays\":[\"TUESDAY\"]}",
                        "cron", "never-runs"));
    }

    @ParameterizedTest
    @MethodSource("invalidSchedules")
    void anInvalidScheduleIsRefusedNamingTheFieldAndTheRule(String body, String field, String rule) {
        put("invalid", body)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule)
                .jsonPath("$.errors[0].message").isNotEmpty();
        service.http.get().uri("/api/v1/schedules/invalid").exchange().expectStatus().isNotFound()
                .expectBody(Void.class);
    }

    @Test
    void everyBrokenRuleIsListed() {
        put("invalid", """
                {"mode":"SOMETIMES","everyMinutes":-1,"timeZone":"Nowhere"}""")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("mode", "everyMinutes", "timeZone"));
    }

    @Test
    void anIdOutsideTheAllowedCharactersIsRefused() {
        put("no spaces", """
                {"mode":"FULL","everyMinutes":5}""")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String id, String body) {
        return service.http.put().uri("/api/v1/schedules/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static ConsumerRecord<String, byte[]> trigger(String scheduleId) {
        return triggers.awaitRecords(records -> records.stream().anyMatch(r -> isFor(r, scheduleId)), TIMEOUT)
                .stream().filter(r -> isFor(r, scheduleId)).findFirst().orElseThrow();
    }

    private static boolean isFor(ConsumerRecord<String, byte[]> record, String scheduleId) {
        return scheduleId.equals(EventJson.read(record.value(), SyncRequested.class).scheduleId());
    }

    private static Instant executionTime(String scheduleId) {
        return service.jdbc().sql("SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?")
                .param(scheduleId).query(java.sql.Timestamp.class).single().toInstant();
    }

    private static long executionCount(String scheduleId) {
        return service.jdbc().sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
                .param(scheduleId).query(Long.class).single();
    }
}
