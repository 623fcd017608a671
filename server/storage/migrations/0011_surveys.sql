-- Satisfaction surveys (issue 13): one row per answered request or walk-up visit, the same model
-- for both (shared/domain/survey.h). A visit that filed a request answers that request's survey
-- too (both ids set), so nobody is asked twice. agent_id and group_id are who resolved it and the
-- group it was in, copied when answered, so the reports can group without re-reading history.
CREATE TABLE surveys (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER UNIQUE REFERENCES requests(id),
    visit_id     INTEGER UNIQUE REFERENCES walkup_visits(id),
    user_id      INTEGER REFERENCES users(id),       -- who answered; NULL: a guest at a kiosk
    agent_id     INTEGER REFERENCES users(id),
    group_id     INTEGER REFERENCES assignment_groups(id),
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    effort       INTEGER NOT NULL DEFAULT 0 CHECK (effort BETWEEN 0 AND 5),  -- 0 = not given
    comment      TEXT    NOT NULL DEFAULT '',
    answered_at  INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CHECK (request_id IS NOT NULL OR visit_id IS NOT NULL)
);
CREATE INDEX surveys_answered ON surveys (answered_at);

-- Visits rated before this table existed.
INSERT INTO surveys (request_id, visit_id, user_id, agent_id, score, answered_at, updated_at)
SELECT v.request_id, v.id, v.user_id, v.agent_id, v.csat, v.ended_at, v.ended_at
FROM walkup_visits v WHERE v.csat BETWEEN 1 AND 5;
