-- Spoc schema v1: users, sessions, catalog items, requests + comments, idempotency keys, audit log.
-- Times are INTEGER milliseconds since the Unix epoch (UTC); enums are stored by their wire names.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    email         TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL CHECK (role IN ('employee', 'agent', 'admin')),
    department    TEXT    NOT NULL DEFAULT '',
    time_zone     TEXT    NOT NULL DEFAULT 'UTC',
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    token_hash  BLOB    NOT NULL UNIQUE,          -- crypto_generichash of the cookie value
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

CREATE TABLE catalog_items (
    id          INTEGER PRIMARY KEY,
    department  TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    sort        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1,
    definition  TEXT    NOT NULL,                 -- api::EncodeCatalogItem JSON (the id column wins)
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE requests (
    id                 INTEGER PRIMARY KEY,
    number             TEXT,                      -- FormatRequestNumber(type, id), set right after insert
    type               TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    impact             TEXT    NOT NULL,
    urgency            TEXT    NOT NULL,
    priority           INTEGER NOT NULL,
    requester_id       INTEGER NOT NULL REFERENCES users(id),
    catalog_item_id    INTEGER REFERENCES catalog_items(id),
    catalog_item_title TEXT    NOT NULL DEFAULT '',
    department         TEXT    NOT NULL DEFAULT '',
    summary            TEXT    NOT NULL,
    description        TEXT    NOT NULL DEFAULT '',
    form_json          TEXT    NOT NULL DEFAULT '{}',
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requests_by_requester ON requests(requester_id, updated_at DESC, id DESC);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users(id),
    body        TEXT    NOT NULL,
    internal    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
CREATE INDEX comments_by_request ON comments(request_id, id);

CREATE TABLE idempotency_keys (
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key          TEXT    NOT NULL,
    fingerprint  BLOB    NOT NULL,                -- hash of method, path and body of the first request
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    location     TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency_keys(created_at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,                           -- NULL for anonymous events (failed sign-in)
    entity     TEXT    NOT NULL,                  -- "request", "comment", "session", "user", "catalog_item"
    entity_id  INTEGER,
    action     TEXT    NOT NULL,                  -- "create", "sign_in", "sign_in_failed", ...
    detail     TEXT    NOT NULL DEFAULT '{}'      -- JSON object
);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
