-- "Hồ sơ của đơn vị" (GET /api/issues) lists the issues a commune filed, those a unit holds and
-- those it has held: by commune, by current holder, and by the units of the timeline.
CREATE INDEX ix_ts_issue_commune ON ts_issue (commune_code, status);
CREATE INDEX ix_ts_issue_current_group ON ts_issue (current_group);
CREATE INDEX ix_ts_issue_event_unit ON ts_issue_event (unit_group, issue_number);
