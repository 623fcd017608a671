-- Spoc schema v17: the queue's search index is brought up to date once per write transaction, not
-- once per statement (issue 15). FTS5 writes its pending terms out at every savepoint, and each
-- write job runs inside its own SAVEPOINT: indexing in the triggers wrote one tiny FTS segment per
-- create. Now the triggers only note which requests changed (queue_search_stale); the writer
-- re-indexes those rows after the batch's last job, before its COMMIT (FlushQueueSearch), so the
-- index a reader sees is always in step with the requests it sees.
DROP TRIGGER queue_search_on_insert;
DROP TRIGGER queue_search_on_update;
DROP TRIGGER queue_search_on_delete;
DROP TRIGGER queue_search_on_comment;

CREATE TABLE queue_search_stale (
    request_id INTEGER PRIMARY KEY  -- no foreign key: a deleted request is noted too (its row goes)
);

CREATE TRIGGER queue_search_stale_on_insert AFTER INSERT ON requests
WHEN NEW.status IN ('new', 'assigned', 'in_progress', 'pending')
BEGIN
    INSERT OR IGNORE INTO queue_search_stale (request_id) VALUES (NEW.id);
END;

-- A status change within the open ones (assigned -> in progress) leaves the row alone.
CREATE TRIGGER queue_search_stale_on_update AFTER UPDATE OF status, number, summary, description ON requests
WHEN (OLD.status IN ('new', 'assigned', 'in_progress', 'pending')) != (NEW.status IN ('new', 'assigned', 'in_progress', 'pending'))
  OR OLD.number IS NOT NEW.number OR OLD.summary IS NOT NEW.summary OR OLD.description IS NOT NEW.description
BEGIN
    INSERT OR IGNORE INTO queue_search_stale (request_id) VALUES (NEW.id);
END;

CREATE TRIGGER queue_search_stale_on_delete AFTER DELETE ON requests
BEGIN
    INSERT OR IGNORE INTO queue_search_stale (request_id) VALUES (OLD.id);
END;

-- A comment on a done request changes nothing in the index (the re-index finds it not open).
CREATE TRIGGER queue_search_stale_on_comment AFTER INSERT ON comments
BEGIN
    INSERT OR IGNORE INTO queue_search_stale (request_id) VALUES (NEW.request_id);
END;

-- The re-index itself: deleting the notes (FlushQueueSearch: DELETE FROM queue_search_stale) drops
-- each noted request's row and writes it again if the request is open. All of it runs inside that
-- one statement, so FTS5 writes one segment for the whole transaction.
CREATE TRIGGER queue_search_reindex AFTER DELETE ON queue_search_stale
BEGIN
    DELETE FROM queue_search WHERE rowid = OLD.request_id;
    INSERT INTO queue_search (rowid, number, summary, description, comments)
    SELECT r.id, COALESCE(r.number, ''), r.summary, r.description,
           COALESCE((SELECT group_concat(c.body, char(10)) FROM comments c WHERE c.request_id = r.id), '')
    FROM requests r
    WHERE r.id = OLD.request_id AND r.status IN ('new', 'assigned', 'in_progress', 'pending');
END;
