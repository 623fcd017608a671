-- Spoc schema v2: the knowledge base. Articles with their current content and counters, the full
-- version history (one row per change, content included), one helpful/not-helpful vote per user
-- and article, deflections ("This solved it" on a request form) and the admin-edited synonym list.

CREATE TABLE kb_articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    category      TEXT    NOT NULL DEFAULT '',
    tags          TEXT    NOT NULL DEFAULT '[]',      -- JSON array of lower-case strings
    audience      TEXT    NOT NULL CHECK (audience IN ('everyone', 'agents')),
    state         TEXT    NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'retired')),
    review_by     TEXT    NOT NULL DEFAULT '',        -- 'YYYY-MM-DD' or ''
    owner_id      INTEGER NOT NULL REFERENCES users(id),
    updated_by    INTEGER NOT NULL REFERENCES users(id),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    published_at  INTEGER NOT NULL DEFAULT 0,
    helpful       INTEGER NOT NULL DEFAULT 0,
    not_helpful   INTEGER NOT NULL DEFAULT 0,
    views         INTEGER NOT NULL DEFAULT 0,
    deflections   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kb_articles_by_state ON kb_articles(state, updated_at DESC);
CREATE INDEX kb_articles_by_owner ON kb_articles(owner_id, review_by);

CREATE TABLE kb_versions (
    article_id  INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    author_id   INTEGER NOT NULL REFERENCES users(id),
    at          INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    change      TEXT    NOT NULL,                     -- "created", "edited", "published", ...
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    audience    TEXT    NOT NULL,
    review_by   TEXT    NOT NULL,
    PRIMARY KEY (article_id, version)
) WITHOUT ROWID;

CREATE TABLE kb_votes (
    article_id  INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    helpful     INTEGER NOT NULL,
    comment     TEXT    NOT NULL DEFAULT '',
    at          INTEGER NOT NULL,
    PRIMARY KEY (article_id, user_id)
) WITHOUT ROWID;
CREATE INDEX kb_votes_by_time ON kb_votes(at);

CREATE TABLE kb_deflections (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    catalog_item_id  INTEGER REFERENCES catalog_items(id),
    query            TEXT    NOT NULL DEFAULT '',
    at               INTEGER NOT NULL
);
CREATE INDEX kb_deflections_by_time ON kb_deflections(at);

CREATE TABLE kb_settings (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    synonyms       TEXT    NOT NULL DEFAULT '',       -- ParseSynonyms format
    revision       INTEGER NOT NULL DEFAULT 0,        -- bumps with every change to the synonyms
    updated_at     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO kb_settings (id) VALUES (1);
