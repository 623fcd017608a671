-- Spoc schema v15: the rest of the reports (issue 14). Backlog ageing reads the open requests'
-- facts by creation day (a partial index: only open requests are in it, so it stays as small as
-- the backlog), and the walk-up figures read a period's visits by check-in time.
CREATE INDEX report_facts_open ON report_facts(created_day, group_id, category, priority, agent_id, department,
                                               type, location_id) WHERE done_day IS NULL;
CREATE INDEX walkup_visits_by_check_in ON walkup_visits(checked_in_at);
