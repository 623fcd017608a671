-- Spoc schema v14: reports (issue 14). Every request has one row of facts (shared/domain/kpi.h
-- FactOf: its days, business and calendar times, SLA outcomes, FCR, survey), and every fact adds
-- to the daily cells of report_daily (kpi::Contributions) under its current dimensions. Both are
-- kept in the same transaction as each change: triggers list the requests a write job touched in
-- report_dirty, and the writer recomputes their facts at the end of the job
-- (server/app/reports.cpp:ApplyDirty), moving the old contribution out and the new one in. So a
-- dashboard sums a few cells per day instead of reading every ticket, and a write costs the same
-- at any table size. `spoc_server --rebuild-reports` recomputes everything from the raw rows.

-- The reporting time zone the days were computed in; a different --report-time-zone rebuilds.
CREATE TABLE report_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    time_zone  TEXT    NOT NULL
);

CREATE TABLE report_dirty (
    request_id  INTEGER PRIMARY KEY
);

-- kpi::Fact of each request. Days are local dates (days since 1970-01-01) in the reporting zone;
-- NULL: did not happen. response / resolution: 0 no target or not stopped, 1 met, 2 breached.
CREATE TABLE report_facts (
    request_id       INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL DEFAULT 0,
    agent_id         INTEGER NOT NULL DEFAULT 0,
    department       TEXT    NOT NULL DEFAULT '',
    category         TEXT    NOT NULL DEFAULT '',
    priority         INTEGER NOT NULL DEFAULT 0,
    type             INTEGER NOT NULL DEFAULT 0,
    location_id      INTEGER NOT NULL DEFAULT 0,
    created_day      INTEGER,
    created_hour     INTEGER NOT NULL DEFAULT 0,
    responded_day    INTEGER,
    frt_business_ms  INTEGER NOT NULL DEFAULT 0,
    frt_calendar_ms  INTEGER NOT NULL DEFAULT 0,
    response         INTEGER NOT NULL DEFAULT 0,
    resolved_day     INTEGER,
    ttr_business_ms  INTEGER NOT NULL DEFAULT 0,
    ttr_calendar_ms  INTEGER NOT NULL DEFAULT 0,
    resolution       INTEGER NOT NULL DEFAULT 0,
    done_day         INTEGER,
    cancelled        INTEGER NOT NULL DEFAULT 0,
    fcr              INTEGER NOT NULL DEFAULT 0,
    reopened         INTEGER NOT NULL DEFAULT 0,
    escalated        INTEGER NOT NULL DEFAULT 0,
    survey_day       INTEGER,
    score            INTEGER NOT NULL DEFAULT 0,
    effort           INTEGER NOT NULL DEFAULT 0
);
-- Drill-down from a chart to its requests (a day's created or resolved ones).
-- Covering the report filters' columns: a chart's queue (GET /queue?report=) reads a period's facts
-- from the index alone, without a table lookup per fact to test its group or category.
CREATE INDEX report_facts_created ON report_facts(created_day, group_id, category, priority, agent_id, department,
                                                  type, location_id);
CREATE INDEX report_facts_resolved ON report_facts(resolved_day, resolution, group_id, category, priority, agent_id,
                                                   department, type, location_id) WHERE resolved_day IS NOT NULL;
-- A chart's queue (GET /queue?report=): late resolutions and survey answers by day, without walking
-- every resolution or fact of the period.
CREATE INDEX report_facts_breached ON report_facts(resolved_day) WHERE resolution = 2;
CREATE INDEX report_facts_surveyed ON report_facts(survey_day) WHERE survey_day IS NOT NULL;

-- Daily cells: the sum of the contributions of every request with these dimensions to this day.
CREATE TABLE report_daily (
    day          INTEGER NOT NULL,
    group_id     INTEGER NOT NULL,
    agent_id     INTEGER NOT NULL,
    department   TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    priority     INTEGER NOT NULL,
    type         INTEGER NOT NULL,
    location_id  INTEGER NOT NULL,
    created INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, cancelled INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0, responded INTEGER NOT NULL DEFAULT 0, frt_business_ms INTEGER NOT NULL DEFAULT 0,
    frt_calendar_ms INTEGER NOT NULL DEFAULT 0, response_met INTEGER NOT NULL DEFAULT 0, response_breached INTEGER NOT NULL DEFAULT 0, ttr_business_ms INTEGER NOT NULL DEFAULT 0, ttr_calendar_ms INTEGER NOT NULL DEFAULT 0, resolution_met INTEGER NOT NULL DEFAULT 0,
    resolution_breached INTEGER NOT NULL DEFAULT 0, fcr INTEGER NOT NULL DEFAULT 0, reopened INTEGER NOT NULL DEFAULT 0, escalated INTEGER NOT NULL DEFAULT 0, surveys INTEGER NOT NULL DEFAULT 0, satisfied INTEGER NOT NULL DEFAULT 0,
    effort_sum INTEGER NOT NULL DEFAULT 0, effort_answers INTEGER NOT NULL DEFAULT 0, hb0 INTEGER NOT NULL DEFAULT 0, hb1 INTEGER NOT NULL DEFAULT 0, hb2 INTEGER NOT NULL DEFAULT 0, hb3 INTEGER NOT NULL DEFAULT 0,
    hb4 INTEGER NOT NULL DEFAULT 0, hb5 INTEGER NOT NULL DEFAULT 0, hb6 INTEGER NOT NULL DEFAULT 0, hb7 INTEGER NOT NULL DEFAULT 0, hb8 INTEGER NOT NULL DEFAULT 0, hb9 INTEGER NOT NULL DEFAULT 0,
    hb10 INTEGER NOT NULL DEFAULT 0, hb11 INTEGER NOT NULL DEFAULT 0, hb12 INTEGER NOT NULL DEFAULT 0, hb13 INTEGER NOT NULL DEFAULT 0, hc0 INTEGER NOT NULL DEFAULT 0, hc1 INTEGER NOT NULL DEFAULT 0,
    hc2 INTEGER NOT NULL DEFAULT 0, hc3 INTEGER NOT NULL DEFAULT 0, hc4 INTEGER NOT NULL DEFAULT 0, hc5 INTEGER NOT NULL DEFAULT 0, hc6 INTEGER NOT NULL DEFAULT 0, hc7 INTEGER NOT NULL DEFAULT 0,
    hc8 INTEGER NOT NULL DEFAULT 0, hc9 INTEGER NOT NULL DEFAULT 0, hc10 INTEGER NOT NULL DEFAULT 0, hc11 INTEGER NOT NULL DEFAULT 0, hc12 INTEGER NOT NULL DEFAULT 0, hc13 INTEGER NOT NULL DEFAULT 0,
    a0 INTEGER NOT NULL DEFAULT 0, a1 INTEGER NOT NULL DEFAULT 0, a2 INTEGER NOT NULL DEFAULT 0, a3 INTEGER NOT NULL DEFAULT 0, a4 INTEGER NOT NULL DEFAULT 0, a5 INTEGER NOT NULL DEFAULT 0,
    a6 INTEGER NOT NULL DEFAULT 0, a7 INTEGER NOT NULL DEFAULT 0, a8 INTEGER NOT NULL DEFAULT 0, a9 INTEGER NOT NULL DEFAULT 0, a10 INTEGER NOT NULL DEFAULT 0, a11 INTEGER NOT NULL DEFAULT 0,
    a12 INTEGER NOT NULL DEFAULT 0, a13 INTEGER NOT NULL DEFAULT 0, a14 INTEGER NOT NULL DEFAULT 0, a15 INTEGER NOT NULL DEFAULT 0, a16 INTEGER NOT NULL DEFAULT 0, a17 INTEGER NOT NULL DEFAULT 0,
    a18 INTEGER NOT NULL DEFAULT 0, a19 INTEGER NOT NULL DEFAULT 0, a20 INTEGER NOT NULL DEFAULT 0, a21 INTEGER NOT NULL DEFAULT 0, a22 INTEGER NOT NULL DEFAULT 0, a23 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, group_id, agent_id, department, category, priority, type, location_id)
) WITHOUT ROWID;

-- Open requests per dimensions now: the backlog at the end of day D is this minus what was created
-- and done after D.
CREATE TABLE report_backlog (
    group_id     INTEGER NOT NULL,
    agent_id     INTEGER NOT NULL,
    department   TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    priority     INTEGER NOT NULL,
    type         INTEGER NOT NULL,
    location_id  INTEGER NOT NULL,
    open         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, agent_id, department, category, priority, type, location_id)
) WITHOUT ROWID;

-- Which requests a write touched. Only changes a fact can see mark a request.
CREATE TRIGGER report_mark_insert AFTER INSERT ON requests
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (NEW.id);
END;
CREATE TRIGGER report_mark_update AFTER UPDATE ON requests
    WHEN OLD.status IS NOT NEW.status OR OLD.priority IS NOT NEW.priority OR OLD.type IS NOT NEW.type
      OR OLD.group_id IS NOT NEW.group_id OR OLD.assignee_id IS NOT NEW.assignee_id
      OR OLD.department IS NOT NEW.department OR OLD.catalog_item_id IS NOT NEW.catalog_item_id
      OR OLD.first_response_at IS NOT NEW.first_response_at OR OLD.resolved_at IS NOT NEW.resolved_at
      OR OLD.closed_at IS NOT NEW.closed_at OR OLD.resolved_by IS NOT NEW.resolved_by
      OR OLD.sla_policy IS NOT NEW.sla_policy OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (NEW.id);
END;
CREATE TRIGGER report_mark_delete AFTER DELETE ON requests
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (OLD.id);
END;
CREATE TRIGGER report_mark_survey AFTER INSERT ON surveys WHEN NEW.request_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (NEW.request_id);
END;
CREATE TRIGGER report_mark_survey_change AFTER UPDATE ON surveys WHEN NEW.request_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (NEW.request_id);
END;
CREATE TRIGGER report_mark_visit AFTER UPDATE OF request_id, first_contact, location_id ON walkup_visits
    WHEN NEW.request_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO report_dirty (request_id) VALUES (NEW.request_id);
END;
-- The visit that filed a request (its location and first-contact resolution) by request.
CREATE INDEX walkup_visits_by_request ON walkup_visits(request_id) WHERE request_id IS NOT NULL;

-- Requests stored before this migration are computed at the next start.
INSERT INTO report_dirty (request_id) SELECT id FROM requests;
