-- The last version of every deleted contact. A number created again continues from it, so consumers that keep the
-- highest version they saw never take the new contact for a stale one; and the series never hands the number out again.
CREATE TABLE contact_tombstone (
    no         VARCHAR(20) PRIMARY KEY,
    version    BIGINT      NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL
);

-- The contact that a producer's externalId created through bc.contact.requests.v1; gone with the contact.
CREATE TABLE contact_external_id (
    external_id VARCHAR(100) PRIMARY KEY,
    contact_no  VARCHAR(20)  NOT NULL REFERENCES contact (no) ON DELETE CASCADE
);
CREATE INDEX contact_external_id_contact_no ON contact_external_id (contact_no);
