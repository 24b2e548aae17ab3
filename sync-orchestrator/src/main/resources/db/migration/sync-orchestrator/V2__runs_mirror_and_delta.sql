-- What the orchestrator last knew of each user's folder: filled from delta reads and from its own writes, so that
-- planning needs no Graph call and a no-op BC change costs no write.
CREATE TABLE outlook_item (
    user_id       VARCHAR(64) NOT NULL REFERENCES app_user (user_id),
    outlook_id    TEXT        NOT NULL,
    bc_contact_no VARCHAR(20),
    link_origin   VARCHAR(10),
    email         TEXT,
    data          JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, outlook_id)
);
CREATE INDEX outlook_item_tag ON outlook_item (user_id, bc_contact_no);
CREATE INDEX outlook_item_email ON outlook_item (user_id, email);

ALTER TABLE sync_setup
    ADD COLUMN delta_link       TEXT,
    -- The name the folder has in Outlook as far as the system knows; differs from folder_name until a rename (S14).
    ADD COLUMN outlook_folder   VARCHAR(255),
    ADD COLUMN last_success_at  TIMESTAMPTZ,
    ADD COLUMN last_error       TEXT;

ALTER TABLE link
    ADD COLUMN pending_since TIMESTAMPTZ;

-- A sync run of one user (S15): its counts and the problems a person can act on.
CREATE TABLE sync_run (
    run_id           UUID        PRIMARY KEY,
    user_id          VARCHAR(64) NOT NULL REFERENCES app_user (user_id),
    mode             VARCHAR(12) NOT NULL CHECK (mode IN ('INCREMENTAL', 'FULL')),
    status           VARCHAR(10) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
    reason           TEXT,
    schedule_id      TEXT,
    created          INT         NOT NULL DEFAULT 0,
    updated          INT         NOT NULL DEFAULT 0,
    deleted          INT         NOT NULL DEFAULT 0,
    recreated        INT         NOT NULL DEFAULT 0,
    imported         INT         NOT NULL DEFAULT 0,
    linked           INT         NOT NULL DEFAULT 0,
    skipped          INT         NOT NULL DEFAULT 0,
    failed           INT         NOT NULL DEFAULT 0,
    problems         JSONB       NOT NULL DEFAULT '[]',
    pending_commands INT         NOT NULL DEFAULT 0,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX sync_run_user ON sync_run (user_id, requested_at DESC);
-- At most one unfinished run per user: concurrent triggers coalesce into it.
CREATE UNIQUE INDEX sync_run_one_active ON sync_run (user_id) WHERE status IN ('QUEUED', 'RUNNING');

-- Commands sent to the gateway and not yet answered, with the operations they carry.
CREATE TABLE outlook_command (
    command_id VARCHAR(64) PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL REFERENCES app_user (user_id),
    run_id     UUID REFERENCES sync_run (run_id),
    type       TEXT        NOT NULL,
    payload    JSONB       NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outlook_command_run ON outlook_command (run_id);
