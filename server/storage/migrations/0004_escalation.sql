-- Spoc schema v4: SLA escalation. On each request the instants its first-response and resolution
-- clocks breached (set once by the scheduled scan), per-user notifications (a breach escalated to
-- the group lead and the assignee), and partial indexes that keep the scheduled scans cheap at any
-- table size: only the requests a scan could act on are in them, soonest first.

ALTER TABLE requests ADD COLUMN response_breached_at INTEGER NOT NULL DEFAULT 0;    -- 0: not breached
ALTER TABLE requests ADD COLUMN resolution_breached_at INTEGER NOT NULL DEFAULT 0;  -- 0: not breached

-- Escalation scan: running clocks (open, not Pending) with a due time, not yet marked. A mark, a
-- first response, Pending or Resolved takes the row out of the index. The WHERE clauses of
-- storage::ListDueBreaches repeat these expressions exactly (SQLite matches partial indexes by text).
CREATE INDEX sla_response_watch ON requests(response_due_at)
    WHERE status IN ('new', 'assigned', 'in_progress') AND first_response_at = 0 AND response_due_at > 0
      AND response_breached_at = 0;
CREATE INDEX sla_resolution_watch ON requests(resolution_due_at)
    WHERE status IN ('new', 'assigned', 'in_progress') AND resolution_due_at > 0 AND resolution_breached_at = 0;
-- Auto-close scan: Resolved requests, longest resolved first.
CREATE INDEX resolved_by_time ON requests(resolved_at) WHERE status = 'resolved';

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    request_id  INTEGER REFERENCES requests(id) ON DELETE CASCADE,  -- NULL: not about a request
    kind        TEXT    NOT NULL,                                    -- 'sla_breach'
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER NOT NULL DEFAULT 0                           -- 0: unread
);
CREATE INDEX notifications_by_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at = 0;
