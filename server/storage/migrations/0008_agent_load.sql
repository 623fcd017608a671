-- Spoc schema v8: each agent's open tickets as a counter, so least-loaded assignment reads one row
-- per group member instead of counting the member's whole backlog on every create (issue 15: no
-- write may cost more as the database grows). Triggers keep it in the same transaction as every
-- change of a request's status or assignee, whichever code path makes it (create, PATCH, bulk,
-- merge, replies that reopen, auto-close, the demo seed). Open = new, assigned, in progress,
-- pending (shared/domain/request.h IsOpenStatus).

CREATE TABLE agent_load (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    open_tickets  INTEGER NOT NULL DEFAULT 0
);

INSERT INTO agent_load (user_id, open_tickets)
    SELECT assignee_id, COUNT(*) FROM requests
    WHERE assignee_id IS NOT NULL AND status IN ('new', 'assigned', 'in_progress', 'pending')
    GROUP BY assignee_id;

CREATE TRIGGER agent_load_on_insert AFTER INSERT ON requests
    WHEN NEW.assignee_id IS NOT NULL AND NEW.status IN ('new', 'assigned', 'in_progress', 'pending')
BEGIN
    INSERT INTO agent_load (user_id, open_tickets) VALUES (NEW.assignee_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET open_tickets = open_tickets + 1;
END;

CREATE TRIGGER agent_load_on_update AFTER UPDATE OF status, assignee_id ON requests
    WHEN OLD.assignee_id IS NOT NEW.assignee_id
      OR (OLD.status IN ('new', 'assigned', 'in_progress', 'pending')) <> (NEW.status IN ('new', 'assigned', 'in_progress', 'pending'))
BEGIN
    UPDATE agent_load SET open_tickets = open_tickets - 1
        WHERE user_id = OLD.assignee_id AND OLD.status IN ('new', 'assigned', 'in_progress', 'pending');
    INSERT INTO agent_load (user_id, open_tickets)
        SELECT NEW.assignee_id, 1
        WHERE NEW.assignee_id IS NOT NULL AND NEW.status IN ('new', 'assigned', 'in_progress', 'pending')
        ON CONFLICT (user_id) DO UPDATE SET open_tickets = open_tickets + 1;
END;

CREATE TRIGGER agent_load_on_delete AFTER DELETE ON requests
    WHEN OLD.assignee_id IS NOT NULL AND OLD.status IN ('new', 'assigned', 'in_progress', 'pending')
BEGIN
    UPDATE agent_load SET open_tickets = open_tickets - 1 WHERE user_id = OLD.assignee_id;
END;
