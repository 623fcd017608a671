-- Spoc schema v16: the queue's search (issue 15). An FTS5 index of the open requests' text: number,
-- summary, description and every comment (internal notes too: only staff can search the queue).
-- The trigram tokenizer matches any run of 3+ characters inside a word, so "drucker" finds
-- "Netzwerkdrucker" and "パソコン" finds "ノートパソコン", case-insensitively, as the LIKE it replaces did.
-- Only open requests are in it (the queue lists nothing else), so it stays as large as the
-- backlog, not as the history: a request leaves it when it is resolved, closed or cancelled and
-- comes back when reopened. rowid = requests.id. Triggers keep it in step inside the writing
-- transaction; each one touches one request's row, so a write's cost does not grow with the table.
CREATE VIRTUAL TABLE queue_search USING fts5(number, summary, description, comments, tokenize = 'trigram');

-- The server inserts a request without its number and sets it right after (it is made from the
-- id): the row is indexed then, by the update trigger, so a create tokenizes its text once.
CREATE TRIGGER queue_search_on_insert AFTER INSERT ON requests
WHEN NEW.status IN ('new', 'assigned', 'in_progress', 'pending') AND NEW.number IS NOT NULL
BEGIN
    INSERT INTO queue_search (rowid, number, summary, description, comments)
    VALUES (NEW.id, COALESCE(NEW.number, ''), NEW.summary, NEW.description,
            COALESCE((SELECT group_concat(c.body, char(10)) FROM comments c WHERE c.request_id = NEW.id), ''));
END;

-- A status change within the open ones (assigned -> in progress) leaves the row alone.
CREATE TRIGGER queue_search_on_update AFTER UPDATE OF status, number, summary, description ON requests
WHEN (OLD.status IN ('new', 'assigned', 'in_progress', 'pending')) != (NEW.status IN ('new', 'assigned', 'in_progress', 'pending'))
  OR OLD.number IS NOT NEW.number OR OLD.summary IS NOT NEW.summary OR OLD.description IS NOT NEW.description
BEGIN
    DELETE FROM queue_search WHERE rowid = OLD.id;
    INSERT INTO queue_search (rowid, number, summary, description, comments)
    SELECT NEW.id, COALESCE(NEW.number, ''), NEW.summary, NEW.description,
           COALESCE((SELECT group_concat(c.body, char(10)) FROM comments c WHERE c.request_id = NEW.id), '')
    WHERE NEW.status IN ('new', 'assigned', 'in_progress', 'pending');
END;

CREATE TRIGGER queue_search_on_delete AFTER DELETE ON requests
BEGIN
    DELETE FROM queue_search WHERE rowid = OLD.id;
END;

-- A comment on an open request is appended to its row (a no-op for a done one: no row).
CREATE TRIGGER queue_search_on_comment AFTER INSERT ON comments
BEGIN
    UPDATE queue_search SET comments = CASE comments WHEN '' THEN NEW.body ELSE comments || char(10) || NEW.body END
    WHERE rowid = NEW.request_id;
END;

INSERT INTO queue_search (rowid, number, summary, description, comments)
SELECT r.id, COALESCE(r.number, ''), r.summary, r.description,
       COALESCE((SELECT group_concat(c.body, char(10)) FROM comments c WHERE c.request_id = r.id), '')
FROM requests r WHERE r.status IN ('new', 'assigned', 'in_progress', 'pending');
