-- db-scheduler's table (its PostgreSQL DDL): one execution per enabled schedule (task 'sync-schedule', instance = the
-- schedule id), due when the schedule is. The replicas poll it, and one of them picks each due execution.
CREATE TABLE scheduled_tasks (
    task_name            TEXT        NOT NULL,
    task_instance        TEXT        NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The engine polls scheduled_tasks; schedule.next_run_at only mirrors it (same transaction) for reads.
DROP INDEX schedule_due;

ALTER TABLE schedule
    -- What the last trigger was for: an occurrence (with those missed during downtime folded into it) or a run-now.
    ADD COLUMN last_outcome     TEXT    CHECK (last_outcome IN ('TRIGGERED', 'CAUGHT_UP', 'RUN_NOW')),
    ADD COLUMN last_due_at      TIMESTAMPTZ,
    ADD COLUMN last_missed_runs INTEGER NOT NULL DEFAULT 0 CHECK (last_missed_runs >= 0),
    -- A day at most (longer: weekdays or cron), and a window that ends after it starts; the API says so first.
    ADD CONSTRAINT schedule_every_minutes_at_most_a_day CHECK (every_minutes <= 1440),
    ADD CONSTRAINT schedule_window_ends_after_it_starts
        CHECK (ending_time IS NULL OR ending_time > coalesce(starting_time, '00:00'));

-- One-time facts about this database, such as that the default schedules were created once (so that deleting them
-- sticks): written in the same transaction as what they record.
CREATE TABLE scheduler_marker (
    name       TEXT        PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
