-- When to ask for a sync (sync.triggers.v1): every N minutes or on a cron expression, on some weekdays, within a
-- daily window, read in the schedule's time zone. Mirrors PUT/GET /api/v1/schedules/{id}.
CREATE TABLE schedule (
    id            TEXT        PRIMARY KEY CHECK (id <> ''),   -- chosen by the client in the PUT
    user_id       TEXT,                                       -- null: every enabled user
    mode          TEXT        NOT NULL CHECK (mode IN ('INCREMENTAL', 'FULL')),
    every_minutes INTEGER     CHECK (every_minutes > 0),
    cron          TEXT        CHECK (cron <> ''),
    weekdays      TEXT[]      NOT NULL
                  DEFAULT ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
                  CHECK (cardinality(weekdays) > 0 AND weekdays <@
                         ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
    starting_time TIME,                                       -- null: from midnight
    ending_time   TIME,                                       -- null: until midnight
    time_zone     TEXT        NOT NULL,                       -- IANA zone id, e.g. Europe/Rome
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    next_run_at   TIMESTAMPTZ,                                -- null while disabled or never due
    last_run_at   TIMESTAMPTZ,
    last_run_id   TEXT,                                       -- runId of the last sync it requested
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Exactly one way of repeating.
    CONSTRAINT schedule_every_minutes_or_cron CHECK ((every_minutes IS NULL) <> (cron IS NULL))
);

-- The scheduler's one hot query: the enabled schedules that are due.
CREATE INDEX schedule_due ON schedule (next_run_at) WHERE enabled;
