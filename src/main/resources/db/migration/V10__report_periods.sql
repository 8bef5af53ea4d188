-- Report periods that join without a gap (docs/monthly-report.md, "The period"): each report counts
-- the events at or after the cut-off of the published report it follows and before its own cut-off.
-- period_from is NULL for the first report (it starts at the service's first event, first_event_at
-- records when that was) and for reports compiled before this migration.
ALTER TABLE ts_monthly_report ADD COLUMN period_from TIMESTAMP;
ALTER TABLE ts_monthly_report ADD COLUMN period_to TIMESTAMP;
ALTER TABLE ts_monthly_report ADD COLUMN first_event_at TIMESTAMP;
-- The published report this one follows (NULL: the first report).
ALTER TABLE ts_monthly_report ADD COLUMN previous_report_id BIGINT;
-- Set only while PUBLISHED, to previous_report_id (0 for the first report): two published reports
-- never follow the same one, on both databases (NULLs never collide; H2 has no partial index).
ALTER TABLE ts_monthly_report ADD COLUMN published_after BIGINT;
ALTER TABLE ts_monthly_report ADD CONSTRAINT uq_ts_monthly_report_after UNIQUE (published_after);
-- Reports compiled before periods were stored counted their calendar month up to their compilation:
-- that is their cut-off, where the next report starts.
UPDATE ts_monthly_report SET period_to = compiled_at WHERE period_to IS NULL;
ALTER TABLE ts_monthly_report ALTER COLUMN period_to SET NOT NULL;

-- One row whose update serialises publications across nodes: a publication takes this row lock
-- first, so a second node publishing at the same moment waits and then sees the first one's report.
CREATE TABLE ts_monthly_report_chain (
  id       INT     NOT NULL,
  version  BIGINT  DEFAULT 0 NOT NULL,
  CONSTRAINT pk_ts_monthly_report_chain PRIMARY KEY (id)
);
INSERT INTO ts_monthly_report_chain (id, version) VALUES (1, 0);
