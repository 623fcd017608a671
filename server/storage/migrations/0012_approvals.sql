-- Approvals (issue 13): managers, approver groups, delegations, and each request's approval
-- steps with their approvers and votes (shared/domain/approval.h runs them).
ALTER TABLE users ADD COLUMN manager_id INTEGER REFERENCES users(id);

CREATE TABLE approver_groups (
    id    INTEGER PRIMARY KEY,
    key   TEXT    NOT NULL UNIQUE,    -- what catalog policies name: "it_asset_management"
    name  TEXT    NOT NULL
);
CREATE TABLE approver_group_members (
    group_id  INTEGER NOT NULL REFERENCES approver_groups(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (group_id, user_id)
);

-- An absent approver's delegate acts for them in [starts_at, ends_at).
CREATE TABLE approval_delegations (
    id          INTEGER PRIMARY KEY,
    from_user   INTEGER NOT NULL REFERENCES users(id),
    to_user     INTEGER NOT NULL REFERENCES users(id),
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    CHECK (from_user <> to_user AND ends_at > starts_at)
);
CREATE INDEX approval_delegations_to ON approval_delegations (to_user, ends_at);
CREATE INDEX approval_delegations_from ON approval_delegations (from_user, ends_at);

-- One row per step of a request's approval, in order.
CREATE TABLE approval_steps (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    position     INTEGER NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('manager', 'group')),
    group_key    TEXT    NOT NULL DEFAULT '',
    quorum       TEXT    NOT NULL CHECK (quorum IN ('any', 'all')),
    state        TEXT    NOT NULL CHECK (state IN ('waiting', 'pending', 'approved', 'rejected')),
    started_at   INTEGER NOT NULL DEFAULT 0,
    decided_at   INTEGER NOT NULL DEFAULT 0,
    reminded_at  INTEGER NOT NULL DEFAULT 0,
    remind_hours INTEGER NOT NULL DEFAULT 8,          -- the policy's remind_after_hours (0: never)
    UNIQUE (request_id, position)
);
CREATE INDEX approval_steps_pending ON approval_steps (started_at) WHERE state = 'pending';

-- Who may decide a step, fixed when it starts; the inbox reads it by user.
CREATE TABLE approval_approvers (
    step_id  INTEGER NOT NULL REFERENCES approval_steps(id),
    user_id  INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (step_id, user_id)
);
CREATE INDEX approval_approvers_by_user ON approval_approvers (user_id, step_id);

-- One vote per approver and step (UNIQUE: a second decision for the same approver can't land).
CREATE TABLE approval_votes (
    id           INTEGER PRIMARY KEY,
    step_id      INTEGER NOT NULL REFERENCES approval_steps(id),
    approver_id  INTEGER NOT NULL REFERENCES users(id),
    by_id        INTEGER NOT NULL REFERENCES users(id),   -- the approver, or their delegate
    decision     TEXT    NOT NULL CHECK (decision IN ('approve', 'reject')),
    comment      TEXT    NOT NULL DEFAULT '',
    at           INTEGER NOT NULL,
    UNIQUE (step_id, approver_id)
);
