package com.contactsync.scheduler.schedules;

import com.contactsync.scheduler.recurrence.Occurrence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules as the API changes them; each change and the engine's execution for it commit together. */
@Service
class ScheduleService {

    private final ScheduleRepository schedules;
    private final ScheduleEngine engine;
    private final SyncTriggers triggers;
    private final TriggerMetrics metrics;
    private final Clock clock;

    ScheduleService(ScheduleRepository schedules, ScheduleEngine engine, SyncTriggers triggers, TriggerMetrics metrics,
                    Clock clock) {
        this.schedules = schedules;
        this.engine = engine;
        this.triggers = triggers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A schedule written by a PUT, and whether the PUT created it. */
    record Write(Schedule schedule, boolean created) {
    }

    /** What a run-now asked for: the id to follow the run by (see {@link LastTrigger#runId()}). */
    record RunRequested(String scheduleId, String runId, Instant requestedAt) {
    }

    @Transactional
    Write put(String id, ScheduleDefinition definition) {
        Instant nextRunAt = nextRunAt(definition);
        Optional<Schedule> current = schedules.findForUpdate(id);
        if (current.isEmpty() && schedules.insert(id, definition, nextRunAt)) {
            engine.plan(id, nextRunAt);
            return new Write(schedules.find(id).orElseThrow(), true);
        }
        // Created by a concurrent PUT since the first look: its insert committed before ours gave way.
        Schedule existing = current.orElseGet(() -> schedules.findForUpdate(id).orElseThrow());
        if (definition.sameTimingAs(existing.definition())) {
            // Keeps an occurrence that is due but not fired yet, rather than moving on past it.
            schedules.update(id, definition, existing.nextRunAt());
        } else {
            schedules.update(id, definition, nextRunAt);
            engine.plan(id, nextRunAt);
        }
        return new Write(schedules.find(id).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    Optional<Schedule> find(String id) {
        return schedules.find(id);
    }

    @Transactional(readOnly = true)
    List<Schedule> list() {
        return schedules.findAll();
    }

    /** False when there is no such schedule. */
    @Transactional
    boolean delete(String id) {
        if (!schedules.delete(id)) {
            return false;
        }
        engine.plan(id, null);
        return true;
    }

    /** Asks for the schedule's sync now, enabled or not; its next run stays where it is. Empty: no such schedule. */
    @Transactional
    Optional<RunRequested> runNow(String id) {
        Optional<Schedule> found = schedules.findForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Schedule schedule = found.get();
        Instant now = clock.instant();
        String runId = triggers.request(schedule, "schedule " + id + " run now", now);
        schedules.recordTrigger(id, new LastTrigger(now, runId, LastTrigger.Outcome.RUN_NOW, null, 0));
        metrics.runNow(schedule);
        return Optional.of(new RunRequested(id, runId, now));
    }

    /** Creates a schedule unless one with that id exists; for the defaults, in the caller's transaction. */
    void createIfAbsent(String id, ScheduleDefinition definition) {
        Instant nextRunAt = nextRunAt(definition);
        if (schedules.insert(id, definition, nextRunAt)) {
            engine.plan(id, nextRunAt);
        }
    }

    private Instant nextRunAt(ScheduleDefinition definition) {
        return definition.enabled()
                ? definition.recurrence().nextAfter(clock.instant()).map(Occurrence::at).orElse(null)
                : null;
    }
}
