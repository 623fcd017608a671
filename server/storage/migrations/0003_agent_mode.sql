-- Spoc schema v3: agent mode. Assignment groups with members and a round-robin cursor, agents'
-- availability, routing rules, and on each request its group, assignee, pending reason, the
-- lifecycle instants and the projected SLA due times (kept up to date on every change, so queues
-- sort by them through an index), plus its Pending intervals (SLA clocks pause) and a history of
-- every field change (who, when, old -> new).

CREATE TABLE assignment_groups (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    strategy        TEXT    NOT NULL CHECK (strategy IN ('manual', 'round_robin', 'least_loaded')),
    lead_id         INTEGER REFERENCES users(id),
    cursor_user_id  INTEGER REFERENCES users(id)         -- round robin: who got the last one
);

CREATE TABLE group_members (
    group_id  INTEGER NOT NULL REFERENCES assignment_groups(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    sort      INTEGER NOT NULL DEFAULT 0,                -- round-robin order
    PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_user ON group_members(user_id);

CREATE TABLE agent_presence (
    user_id           INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    available         INTEGER NOT NULL DEFAULT 1,
    last_assigned_at  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE routing_rules (
    id               INTEGER PRIMARY KEY,
    catalog_item_id  INTEGER NOT NULL DEFAULT 0,         -- 0 = any item
    category         TEXT    NOT NULL DEFAULT '',
    department       TEXT    NOT NULL DEFAULT '',
    group_id         INTEGER NOT NULL REFERENCES assignment_groups(id) ON DELETE CASCADE,
    sort             INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE requests ADD COLUMN group_id INTEGER REFERENCES assignment_groups(id);
ALTER TABLE requests ADD COLUMN assignee_id INTEGER REFERENCES users(id);
ALTER TABLE requests ADD COLUMN pending_reason TEXT NOT NULL DEFAULT 'none';
ALTER TABLE requests ADD COLUMN first_response_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN resolved_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN closed_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN response_due_at INTEGER NOT NULL DEFAULT 0;    -- 0: met, or no target
ALTER TABLE requests ADD COLUMN resolution_due_at INTEGER NOT NULL DEFAULT 0;  -- 0: met, or paused
ALTER TABLE requests ADD COLUMN sla_policy TEXT NOT NULL DEFAULT '';

-- Queue indexes: open requests only (partial), in queue order (soonest resolution due first,
-- undated last, then id), so a page of 50 reads 50 index entries instead of sorting the view.
-- The WHERE and ORDER BY of storage::ListQueue repeat these expressions exactly.
CREATE INDEX queue_open ON requests((resolution_due_at = 0), resolution_due_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
CREATE INDEX queue_by_assignee ON requests(assignee_id, (resolution_due_at = 0), resolution_due_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
CREATE INDEX queue_by_group ON requests(group_id, (resolution_due_at = 0), resolution_due_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
CREATE INDEX queue_pending ON requests(status, id) WHERE status = 'pending';

CREATE TABLE request_pauses (
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    paused_at   INTEGER NOT NULL,
    resumed_at  INTEGER NOT NULL DEFAULT 0,              -- 0: still pending
    PRIMARY KEY (request_id, paused_at)
) WITHOUT ROWID;

CREATE TABLE request_history (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES users(id),            -- NULL: the system (routing, auto-close)
    field       TEXT    NOT NULL,                        -- "status", "assignee", "group", "priority", ...
    old_value   TEXT    NOT NULL DEFAULT '',
    new_value   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX request_history_by_request ON request_history(request_id, id);
