package com.contactsync.scheduler.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Occurrences fired through the engine on a clock the test steps a minute at a time: each one becomes due exactly when
 * the clock passes it. Triggers are counted per (schedule, due time) as they reach {@code sync.triggers.v1}; a run-now
 * of each schedule at the end, on the same key and so the same partition, marks when all its earlier triggers are in.
 */
@RealInfrastructure
class OccurrenceFiringTest {

    private static final Instant START = Instant.parse("2030-01-07T08:00:30Z");
    /** The first occurrence of a one-minute schedule created at {@link #START}. */
    private static final Instant FIRST_DUE = Instant.parse("2030-01-07T08:01:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void twoInstancesOnOneDatabasePublishExactlyOneTriggerPerOccurrence(Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        SteppedClock clock = new SteppedClock(START);
        List<String> schedules = List.of("every-minute-1", "every-minute-2", "every-minute-3", "every-minute-4");
        int minutes = 5;
        try (RunningScheduler first = RunningScheduler.start(properties, clock);
             RunningScheduler second = RunningScheduler.start(properties, clock)) {
            schedules.forEach(id -> everyMinute(first, id));

            for (int minute = 1; minute <= minutes; minute++) {
                clock.advance(Duration.ofMinutes(1));
                Instant due = START.plusSeconds(60L * minute - 30);
                await().atMost(TIMEOUT).until(() -> lastFiredFor(first, due) == schedules.size());
            }

            Map<String, Long> triggersPerOccurrence = scheduledTriggers(first, properties, schedules);
            assertThat(triggersPerOccurrence).containsOnlyKeys(schedules.stream()
                    .flatMap(id -> IntStream.rangeClosed(1, minutes)
                            .mapToObj(minute -> reason(id, START.plusSeconds(60L * minute - 30))))
                    .toList());
            assertThat(triggersPerOccurrence.values()).containsOnly(1L);
            assertThat(occurrencesCounted(first) + occurrencesCounted(second)).isEqualTo(schedules.size() * minutes);
        }
    }

    @Test
    void anInstanceStoppedAcrossTwoOccurrencesCatchesUpWithExactlyOneTrigger(Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        SteppedClock clock = new SteppedClock(START);
        try (RunningScheduler before = RunningScheduler.start(properties, clock)) {
            everyMinute(before, "caught-up");
            clock.advance(Duration.ofMinutes(1));
            await().atMost(TIMEOUT).until(() -> lastFiredFor(before, FIRST_DUE) == 1);
        }

        // Down from 08:01:30 to 08:03:30: the occurrences of 08:02 and 08:03 pass while nothing runs.
        clock.advance(Duration.ofMinutes(2));
        try (RunningScheduler after = RunningScheduler.start(properties, clock)) {
            Instant caughtUp = Instant.parse("2030-01-07T08:02:00Z");
            await().atMost(TIMEOUT).until(() -> lastFiredFor(after, caughtUp) == 1);

            after.http.get().uri("/api/v1/schedules/caught-up").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.lastOutcome.result").isEqualTo("CAUGHT_UP")
                    .jsonPath("$.lastOutcome.dueAt").isEqualTo("2030-01-07T08:02:00Z")
                    .jsonPath("$.lastOutcome.missedRuns").isEqualTo(1)
                    .jsonPath("$.lastRunAt").isEqualTo("2030-01-07T08:03:30Z")
                    .jsonPath("$.nextRunAt").isEqualTo("2030-01-07T08:04:00Z");
            assertThat(scheduledTriggers(after, properties, List.of("caught-up"))).containsExactly(
                    Map.entry(reason("caught-up", FIRST_DUE), 1L), Map.entry(reason("caught-up", caughtUp), 1L));
            assertThat(after.meters().get("contactsync.scheduler.misfires").tag("schedule", "caught-up").counter()
                    .count()).isEqualTo(1.0);
            assertThat(after.meters().get("contactsync.scheduler.trigger.delay").tag("schedule", "caught-up").timer()
                    .max(TimeUnit.SECONDS)).isEqualTo(90.0);
        }
    }

    @Test
    void anOccurrencePickedByAnInstanceThatDiedIsFiredOnceByAnother(Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        properties.put("contactsync.scheduler.heartbeat-interval", "200ms");
        SteppedClock clock = new SteppedClock(START);
        try (RunningScheduler survivor = RunningScheduler.start(properties, clock)) {
            everyMinute(survivor, "orphaned");
            // The engine's state after another instance picked the execution and was killed before committing.
            survivor.jdbc().sql("""
                    UPDATE scheduled_tasks SET picked = true, picked_by = 'killed-instance', last_heartbeat = ?,
                                               version = version + 1
                    WHERE task_instance = 'orphaned'""").param(Timestamp.from(clock.instant())).update();

            // A minute without heartbeats is well past six missed ones: the survivor revives the execution ...
            clock.advance(Duration.ofMinutes(1));
            await().atMost(TIMEOUT).until(() -> !survivor.jdbc()
                    .sql("SELECT picked FROM scheduled_tasks WHERE task_instance = 'orphaned'")
                    .query(Boolean.class).single());
            // ... and fires it at its next poll, which waits for the clock to move on.
            clock.advance(Duration.ofSeconds(1));
            await().atMost(TIMEOUT).until(() -> lastFiredFor(survivor, FIRST_DUE) == 1);

            assertThat(scheduledTriggers(survivor, properties, List.of("orphaned")))
                    .containsExactly(Map.entry(reason("orphaned", FIRST_DUE), 1L));
        }
    }

    @Test
    void anOccurrenceWhoseTriggerCannotBeWrittenIsNeitherPublishedNorLostButTriedAgain(
            Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        properties.put("contactsync.scheduler.retry-delay", "20s");
        SteppedClock clock = new SteppedClock(START);
        try (RunningScheduler service = RunningScheduler.start(properties, clock)) {
            everyMinute(service, "retried");
            // The outbox refuses writes, as a database failing half-way through the firing transaction would.
            service.jdbc().sql("""
                    CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'outbox refused by the test'; END $$""").update();
            service.jdbc().sql("""
                    CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_event
                    FOR EACH ROW EXECUTE FUNCTION refuse_outbox()""").update();

            clock.advance(Duration.ofMinutes(1));
            await().atMost(TIMEOUT).until(() -> service.jdbc()
                    .sql("SELECT coalesce(consecutive_failures, 0) FROM scheduled_tasks WHERE task_instance = 'retried'")
                    .query(Integer.class).single() == 1);
            assertThat(service.jdbc().sql("SELECT execution_time FROM scheduled_tasks WHERE task_instance = 'retried'")
                    .query(Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2030-01-07T08:01:50Z"));
            service.http.get().uri("/api/v1/schedules/retried").exchange()
                    .expectBody()
                    .jsonPath("$.nextRunAt").isEqualTo(FIRST_DUE.toString())
                    .jsonPath("$.lastOutcome").isEmpty();

            service.jdbc().sql("DROP TRIGGER refuse_outbox ON outbox_event").update();
            clock.advance(Duration.ofSeconds(20));
            await().atMost(TIMEOUT).until(() -> lastFiredFor(service, FIRST_DUE) == 1);

            assertThat(scheduledTriggers(service, properties, List.of("retried")))
                    .containsExactly(Map.entry(reason("retried", FIRST_DUE), 1L));
        }
    }

    @Test
    void theTriggerOfAnOccurrenceCarriesTheRunIdTheScheduleRecords(Infrastructure infrastructure) {
        Map<String, Object> properties = RunningScheduler.properties(infrastructure);
        SteppedClock clock = new SteppedClock(START);
        try (RunningScheduler service = RunningScheduler.start(properties, clock);
             TopicReader triggers = TopicReader.fromBeginning(topic(properties))) {
            everyMinute(service, "followed");
            clock.advance(Duration.ofMinutes(1));

            SyncRequested trigger = EventJson.read(triggers.awaitCount(1, TIMEOUT).get(0).value(), SyncRequested.class);
            service.http.get().uri("/api/v1/schedules/followed").exchange()
                    .expectBody()
                    .jsonPath("$.lastRunId").isEqualTo(trigger.runId())
                    .jsonPath("$.lastOutcome.result").isEqualTo("TRIGGERED")
                    .jsonPath("$.lastOutcome.missedRuns").isEqualTo(0);
            assertThat(trigger.runId()).isNotBlank();
            assertThat(trigger.userId()).isEqualTo("followed");
            assertThat(trigger.reason()).isEqualTo(reason("followed", FIRST_DUE));
        }
    }

    private static void everyMinute(RunningScheduler service, String id) {
        service.http.put().uri("/api/v1/schedules/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"" + id + "\",\"mode\":\"INCREMENTAL\",\"everyMinutes\":1}")
                .exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(Void.class);
    }

    /** How many schedules last fired the occurrence due at {@code due}. */
    private static long lastFiredFor(RunningScheduler service, Instant due) {
        return service.jdbc().sql("SELECT count(*) FROM schedule WHERE last_due_at = ?")
                .param(Timestamp.from(due)).query(Long.class).single();
    }

    /** The occurrence triggers of {@code schedules} by reason (which names the due time), counted. */
    private static Map<String, Long> scheduledTriggers(RunningScheduler service, Map<String, Object> properties,
                                                       List<String> schedules) {
        schedules.forEach(id -> service.http.post().uri("/api/v1/schedules/{id}/run-now", id).exchange()
                .expectStatus().isAccepted()
                .expectBody(Void.class));
        try (TopicReader triggers = TopicReader.fromBeginning(topic(properties))) {
            List<SyncRequested> all = triggers.awaitRecords(records -> schedules.stream().allMatch(id ->
                            records.stream().map(OccurrenceFiringTest::data)
                                    .anyMatch(t -> t.scheduleId().equals(id) && t.reason().endsWith("run now"))),
                            TIMEOUT)
                    .stream().map(OccurrenceFiringTest::data).toList();
            return all.stream()
                    .filter(trigger -> trigger.reason().contains(" due "))
                    .collect(Collectors.groupingBy(SyncRequested::reason, TreeMap::new,
                            Collectors.counting()));
        }
    }

    private static double occurrencesCounted(RunningScheduler service) {
        return service.meters().find("contactsync.scheduler.triggers").tag("kind", "occurrence").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static String reason(String scheduleId, Instant due) {
        return "schedule " + scheduleId + " due " + due;
    }

    private static SyncRequested data(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), SyncRequested.class);
    }

    private static String topic(Map<String, Object> properties) {
        return (String) properties.get("contactsync.scheduler.triggers-topic");
    }
}
