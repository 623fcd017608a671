-- Spoc schema v9: walk-up desks (issue 12). Locations with their opening hours (the business-calendar
-- syntax of shared/domain/sla.h), desks and visit reasons come from assets/demo/walkup.json, seeded
-- into an empty database; kiosks are paired devices bound to one location; a visit is one person's
-- trip to a desk, from check-in (or booking, or "on my way") to its end. Visit rules (statuses,
-- queue order, ticket numbers, wait estimate) live in shared/domain/walkup.h.

CREATE TABLE walkup_locations (
    id             INTEGER PRIMARY KEY,
    key            TEXT    NOT NULL UNIQUE,         -- "london-hq": used in URLs (#/board/london-hq)
    name           TEXT    NOT NULL,
    prefix         TEXT    NOT NULL,                -- ticket letter: "A" -> A-042
    time_zone      TEXT    NOT NULL,
    hours          TEXT    NOT NULL,                -- a business calendar (sla.h syntax)
    slot_minutes   INTEGER NOT NULL DEFAULT 15,
    slot_capacity  INTEGER NOT NULL DEFAULT 2,
    sort           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE walkup_desks (
    id           INTEGER PRIMARY KEY,
    location_id  INTEGER NOT NULL REFERENCES walkup_locations(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    UNIQUE (location_id, name)
);

CREATE TABLE walkup_reasons (
    id               INTEGER PRIMARY KEY,
    key              TEXT    NOT NULL UNIQUE,       -- "laptop", "password", "pickup", "other"
    label            TEXT    NOT NULL,
    catalog_item_id  INTEGER REFERENCES catalog_items(id),  -- the request a resolved visit files
    typical_minutes  REAL    NOT NULL DEFAULT 8,     -- prior for the wait estimate until history exists
    sort             INTEGER NOT NULL DEFAULT 0
);

-- A kiosk's credential: only a hash of its cookie token is stored (like sessions). Revoked kiosks
-- keep their row (the visits they took point at it).
CREATE TABLE kiosk_devices (
    id            INTEGER PRIMARY KEY,
    location_id   INTEGER NOT NULL REFERENCES walkup_locations(id),
    name          TEXT    NOT NULL,
    token_hash    BLOB    UNIQUE,                   -- NULL until the kiosk collected its credential
    csrf_token    TEXT    NOT NULL,
    paired_by     INTEGER NOT NULL REFERENCES users(id),
    paired_at     INTEGER NOT NULL,
    revoked_at    INTEGER NOT NULL DEFAULT 0,
    last_seen_at  INTEGER NOT NULL DEFAULT 0
);

-- A kiosk asking to be paired: it shows `code`, holds `secret` in a cookie, and collects its
-- device credential once an admin entered the code (device_id set).
CREATE TABLE kiosk_pairings (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,
    secret_hash  BLOB    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    device_id    INTEGER REFERENCES kiosk_devices(id)
);

CREATE TABLE walkup_visits (
    id               INTEGER PRIMARY KEY,
    location_id      INTEGER NOT NULL REFERENCES walkup_locations(id),
    day              TEXT    NOT NULL,               -- the location's local date of the check-in
    seq              INTEGER NOT NULL,               -- that day's number at that location
    ticket           TEXT    NOT NULL,               -- "A-042"
    status           TEXT    NOT NULL CHECK (status IN ('booked', 'en_route', 'waiting', 'called', 'in_service',
                                                        'resolved', 'transferred', 'no_show', 'cancelled')),
    channel          TEXT    NOT NULL CHECK (channel IN ('kiosk', 'remote', 'appointment', 'offline')),
    reason_key       TEXT    NOT NULL,
    note             TEXT    NOT NULL DEFAULT '',
    user_id          INTEGER REFERENCES users(id),    -- NULL for a guest
    guest_name       TEXT    NOT NULL DEFAULT '',
    board_name       TEXT    NOT NULL,               -- "Emma J.": all the board ever shows
    appointment_at   INTEGER NOT NULL DEFAULT 0,
    checked_in_at    INTEGER NOT NULL,               -- arrival (for offline check-ins: the kiosk's time, corrected)
    queue_at         INTEGER NOT NULL,               -- walkup::QueueTime: the queue's order
    called_at        INTEGER NOT NULL DEFAULT 0,
    started_at       INTEGER NOT NULL DEFAULT 0,
    ended_at         INTEGER NOT NULL DEFAULT 0,
    desk_id          INTEGER REFERENCES walkup_desks(id),
    agent_id         INTEGER REFERENCES users(id),
    request_id       INTEGER REFERENCES requests(id), -- the walk-up request filed when it ended
    first_contact    INTEGER NOT NULL DEFAULT 0,     -- solved at the desk, in this visit
    outcome_note     TEXT    NOT NULL DEFAULT '',
    kiosk_id         INTEGER REFERENCES kiosk_devices(id),
    idempotency_key  TEXT,                           -- a kiosk outbox entry's key (offline check-ins)
    csat             INTEGER NOT NULL DEFAULT 0,     -- 1..5 after the visit; 0 = not given
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (location_id, day, seq),
    UNIQUE (kiosk_id, idempotency_key)
);
-- The live queue of a location in queue order: what the board, the kiosk and the console read.
CREATE INDEX walkup_visits_open ON walkup_visits (location_id, queue_at, id)
    WHERE status IN ('booked', 'en_route', 'waiting', 'called', 'in_service');
CREATE INDEX walkup_visits_by_user ON walkup_visits (user_id, id) WHERE user_id IS NOT NULL;
-- Finished visits per location, newest first: the service-time history of the estimate (bounded reads).
CREATE INDEX walkup_visits_served ON walkup_visits (location_id, ended_at)
    WHERE status = 'resolved' AND started_at > 0;

-- Bookings per slot (capacity) and the no-show sweep (booked visits past their grace period).
CREATE INDEX walkup_visits_slots ON walkup_visits (location_id, appointment_at) WHERE appointment_at > 0;
CREATE INDEX walkup_visits_booked ON walkup_visits (appointment_at) WHERE status = 'booked';

-- Agents on duty at a location: who called someone there lately.
CREATE INDEX walkup_visits_calls ON walkup_visits (location_id, called_at) WHERE called_at > 0;

-- A badge number per person, for the kiosk's badge reader.
ALTER TABLE users ADD COLUMN badge TEXT;
CREATE UNIQUE INDEX users_badge ON users (badge) WHERE badge IS NOT NULL;
