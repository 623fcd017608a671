-- Attachments (issue 13): the bytes live under <data>/blobs by their SHA-256 (server/app/blob_store),
-- one row per stored file here; an attachment is an upload (staged: request_id NULL, only its
-- uploader may link or read it) until a new request, a reply or a note links it, in that write's
-- transaction. internal: linked by an internal note, so never shown to the requester.
CREATE TABLE blobs (
    sha256      TEXT    PRIMARY KEY,
    size        INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT    NOT NULL REFERENCES blobs(sha256),
    name         TEXT    NOT NULL,
    mime         TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    uploaded_by  INTEGER NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL,
    request_id   INTEGER REFERENCES requests(id),
    comment_id   INTEGER REFERENCES comments(id),
    internal     INTEGER NOT NULL DEFAULT 0,
    linked_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_by_request ON attachments (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX attachments_staged ON attachments (created_at) WHERE request_id IS NULL;
CREATE INDEX attachments_by_blob ON attachments (sha256);
