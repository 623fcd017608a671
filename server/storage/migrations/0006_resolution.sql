-- Spoc schema v6: how a request ended, public to its requester: the note given when resolving
-- (what was done), who resolved it, and the reason given when cancelling. Empty / NULL: none.
-- resolved_by is cleared when the request reopens, like resolved_at; the history keeps the rest.

ALTER TABLE requests ADD COLUMN resolution_note TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN resolved_by INTEGER REFERENCES users(id);
ALTER TABLE requests ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
