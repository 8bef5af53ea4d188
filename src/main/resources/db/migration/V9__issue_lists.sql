-- "Hồ sơ của đơn vị" (GET /api/issues) lists the issues a commune filed and those a unit has held:
-- by commune, and by the units of the timeline.
CREATE INDEX ix_ts_issue_commune ON ts_issue (commune_code, status);
CREATE INDEX ix_ts_issue_event_unit ON ts_issue_event (unit_group, issue_number);
