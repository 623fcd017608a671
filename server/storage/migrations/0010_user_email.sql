-- The kiosk finds a person by e-mail as well as by username or badge: an index on the e-mail
-- (case-insensitive; empty ones left out), so that lookup never reads the whole users table.
CREATE INDEX users_email ON users (email COLLATE NOCASE) WHERE email <> '';
