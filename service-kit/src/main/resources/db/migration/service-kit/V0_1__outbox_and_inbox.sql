-- Shared by every service that owns a database: listed in its spring.flyway.locations beside its own scripts.
-- Versions below 1 keep these ahead of each service's own V1.

-- Events written in the same transaction as the change they describe; the relay publishes and then deletes them.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    record_key   TEXT,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    event_source TEXT        NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL,
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Ids of the events each consumer has applied, written in the same transaction as the effect (de-duplication on ce_id).
CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
