-- The user list: a user without a Microsoft 365 e-mail cannot sync (the product's prerequisite).
CREATE TABLE app_user (
    user_id      VARCHAR(64)  PRIMARY KEY,
    display_name VARCHAR(200),
    m365_email   VARCHAR(254),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Each user's contact sync setup.
CREATE TABLE sync_setup (
    user_id      VARCHAR(64)  PRIMARY KEY REFERENCES app_user (user_id),
    enabled      BOOLEAN      NOT NULL,
    folder_name  VARCHAR(255) NOT NULL,
    filter       JSONB        NOT NULL DEFAULT '{}',
    realtime     BOOLEAN      NOT NULL,
    last_sync_at TIMESTAMPTZ,
    state        VARCHAR(20)  NOT NULL DEFAULT 'IDLE',
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The latest state of every BC contact, rebuilt from bc.contact.events.v1; deleted ones are kept as such so a
-- late, older upsert cannot bring them back.
CREATE TABLE contact_replica (
    no       VARCHAR(20) PRIMARY KEY,
    version  BIGINT      NOT NULL,
    deleted  BOOLEAN     NOT NULL DEFAULT false,
    data     JSONB
);

-- (user, BC contact) <-> Outlook contact id in the user's folder.
CREATE TABLE link (
    user_id      VARCHAR(64)  NOT NULL REFERENCES app_user (user_id),
    contact_no   VARCHAR(20)  NOT NULL,
    outlook_id   TEXT,
    origin       VARCHAR(10)  NOT NULL CHECK (origin IN ('BC', 'OUTLOOK')),
    written_hash VARCHAR(64),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, contact_no)
);
CREATE UNIQUE INDEX link_outlook_id ON link (user_id, outlook_id);
