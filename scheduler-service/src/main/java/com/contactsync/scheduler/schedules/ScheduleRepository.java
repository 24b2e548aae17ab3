package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.scheduler.recurrence.Recurrence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Repository;

/** The {@code schedule} table. Writers lock the row first, so a change and a firing of one schedule never interleave. */
@Repository
class ScheduleRepository {

    private static final String COLUMNS = """
            id, user_id, mode, every_minutes, cron, weekdays, starting_time, ending_time, time_zone, enabled,
            next_run_at, last_run_at, last_run_id, last_outcome, last_due_at, last_missed_runs""";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a schedule with that id exists (it is left as it is). */
    boolean insert(String id, ScheduleDefinition definition, Instant nextRunAt) {
        Recurrence recurrence = definition.recurrence();
        return jdbc.sql("""
                        INSERT INTO schedule (id, user_id, mode, every_minutes, cron, weekdays, starting_time,
                                              ending_time, time_zone, enabled, next_run_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(id, definition.userId(), definition.mode().name(), recurrence.everyMinutes(),
                        cronText(recurrence), weekdays(recurrence), recurrence.startingTime(),
                        recurrence.endingTime(), recurrence.zone().getId(), definition.enabled(),
                        timestamp(nextRunAt))
                .update() == 1;
    }

    void update(String id, ScheduleDefinition definition, Instant nextRunAt) {
        Recurrence recurrence = definition.recurrence();
        jdbc.sql("""
                        UPDATE schedule SET user_id = ?, mode = ?, every_minutes = ?, cron = ?, weekdays = ?,
                                            starting_time = ?, ending_time = ?, time_zone = ?, enabled = ?,
                                            next_run_at = ?, updated_at = now()
                        WHERE id = ?""")
                .params(definition.userId(), definition.mode().name(), recurrence.everyMinutes(),
                        cronText(recurrence), weekdays(recurrence), recurrence.startingTime(),
                        recurrence.endingTime(), recurrence.zone().getId(), definition.enabled(),
                        timestamp(nextRunAt), id)
                .update();
    }

    void recordTrigger(String id, LastTrigger trigger) {
        jdbc.sql("""
                        UPDATE schedule SET last_run_at = ?, last_run_id = ?, last_outcome = ?, last_due_at = ?,
                                            last_missed_runs = ?, updated_at = now()
                        WHERE id = ?""")
                .params(timestamp(trigger.at()), trigger.runId(), trigger.outcome().name(),
                        timestamp(trigger.dueAt()), trigger.missedRuns(), id)
                .update();
    }

    void setNextRunAt(String id, Instant nextRunAt) {
        jdbc.sql("UPDATE schedule SET next_run_at = ?, updated_at = now() WHERE id = ?")
                .params(timestamp(nextRunAt), id)
                .update();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM schedule WHERE id = ?").param(id).update() == 1;
    }

    Optional<Schedule> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule WHERE id = ?").param(id)
                .query(ScheduleRepository::map).optional();
    }

    /** Locks the row until the transaction ends. */
    Optional<Schedule> findForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule WHERE id = ? FOR UPDATE").param(id)
                .query(ScheduleRepository::map).optional();
    }

    List<Schedule> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule ORDER BY id").query(ScheduleRepository::map).list();
    }

    /** Records a one-time fact; false when it was recorded before (a concurrent writer waits for the first). */
    boolean mark(String name) {
        return jdbc.sql("INSERT INTO scheduler_marker (name) VALUES (?) ON CONFLICT (name) DO NOTHING")
                .param(name).update() == 1;
    }

    private static Schedule map(ResultSet rs, int row) throws SQLException {
        String cron = rs.getString("cron");
        Set<DayOfWeek> weekdays = Arrays.stream((String[]) rs.getArray("weekdays").getArray())
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toSet());
        Recurrence recurrence = new Recurrence(rs.getObject("every_minutes", Integer.class),
                cron == null ? null : CronExpression.parse(cron), weekdays,
                rs.getObject("starting_time", LocalTime.class), rs.getObject("ending_time", LocalTime.class),
                ZoneId.of(rs.getString("time_zone")));
        ScheduleDefinition definition = new ScheduleDefinition(rs.getString("user_id"),
                SyncMode.valueOf(rs.getString("mode")), recurrence, rs.getBoolean("enabled"));
        String outcome = rs.getString("last_outcome");
        LastTrigger last = outcome == null ? null : new LastTrigger(instant(rs, "last_run_at"),
                rs.getString("last_run_id"), LastTrigger.Outcome.valueOf(outcome), instant(rs, "last_due_at"),
                rs.getInt("last_missed_runs"));
        return new Schedule(rs.getString("id"), definition, instant(rs, "next_run_at"), last);
    }

    private static String cronText(Recurrence recurrence) {
        return recurrence.cron() == null ? null : recurrence.cron().toString();
    }

    /** In the order of the week, as the API shows them. */
    private static String[] weekdays(Recurrence recurrence) {
        return recurrence.weekdays().stream().sorted().map(DayOfWeek::name).toArray(String[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
