-- Spoc schema v5: the ticket workspace. Canned responses (reply texts with {{placeholders}}, for
-- everyone or one assignment group), links between requests ('relates', and 'duplicate_of' left
-- by a merge), and partial indexes of open requests for the queue's filters and other sort
-- orders: one per status (a status filter counts and pages from its own index), and in priority,
-- last-update and creation order, so those sorts read a page of index entries instead of sorting
-- the view. The WHERE and ORDER BY of storage::ListQueue repeat these expressions exactly.

CREATE TABLE canned_responses (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    group_id    INTEGER REFERENCES assignment_groups(id) ON DELETE CASCADE,  -- NULL: everyone
    created_by  INTEGER REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX canned_by_group ON canned_responses(group_id);

-- One row per link. 'relates' is symmetric (looked up from both ends); 'duplicate_of' points from
-- the merged request to the one it was merged into.
CREATE TABLE request_links (
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    other_id    INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('relates', 'duplicate_of')),
    created_by  INTEGER REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (request_id, other_id),
    CHECK (request_id != other_id)
) WITHOUT ROWID;
CREATE INDEX request_links_by_other ON request_links(other_id, request_id);

-- One per open status (Pending has queue_pending already), in queue order: a status filter is a
-- literal equality that implies exactly one of them, while a query without one can't use them, so
-- they never tempt the planner away from queue_open for the plain view (one index over all four
-- statuses, status first, did: without ANALYZE statistics SQLite took it and sorted the view).
CREATE INDEX queue_new ON requests((resolution_due_at = 0), resolution_due_at, id) WHERE status = 'new';
CREATE INDEX queue_assigned ON requests((resolution_due_at = 0), resolution_due_at, id) WHERE status = 'assigned';
CREATE INDEX queue_in_progress ON requests((resolution_due_at = 0), resolution_due_at, id) WHERE status = 'in_progress';
CREATE INDEX queue_by_priority ON requests(priority, (resolution_due_at = 0), resolution_due_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
CREATE INDEX queue_by_updated ON requests(updated_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
CREATE INDEX queue_by_created ON requests(created_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress', 'pending');
