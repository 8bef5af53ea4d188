-- The working-day calendar's adjustments (holidays-vn.yaml's format), versioned, so every node of a
-- cluster counts with the same calendar and an administrator can load a year's announcement or a
-- correction while the service runs (docs/calendar.md, "Changing the calendar while it runs").
-- Version 1 is the file the first node started with; each later one is a whole document, who loaded
-- it, when, from which source, and what it changed. A node reads the highest version.
CREATE TABLE ts_calendar_version (
  version_no    INT             NOT NULL,
  loaded_at     TIMESTAMP       NOT NULL,
  loaded_by     VARCHAR(128)    NOT NULL,
  source        VARCHAR(1000)   NOT NULL,
  changes       VARCHAR(20000)  NOT NULL,
  content       VARCHAR(200000) NOT NULL,
  content_hash  VARCHAR(64)     NOT NULL,
  -- The recount of open deadlines this version started: issues checked, issues whose dates moved
  -- (or became final), when it finished (null while it runs).
  recount_checked  INT          DEFAULT 0 NOT NULL,
  recount_changed  INT          DEFAULT 0 NOT NULL,
  recounted_at     TIMESTAMP,
  CONSTRAINT pk_ts_calendar_version PRIMARY KEY (version_no)
);

-- Which calendar version the current step's timers were counted with (0: before versions existed),
-- and whether that count crosses a Tết not announced yet (the board's marker and banner). The
-- recount after a new version reads the open issues counted with an older one, in number order.
ALTER TABLE ts_issue ADD COLUMN calendar_version INT DEFAULT 0 NOT NULL;
ALTER TABLE ts_issue ADD COLUMN deadline_provisional BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_ts_issue_calendar ON ts_issue (status, calendar_version, issue_number);
CREATE INDEX ix_ts_issue_provisional ON ts_issue (status, deadline_provisional, province_code);

-- The legal-basis block now quotes the texts and states the system's own rule apart ("Căn cứ",
-- "Quy định của hệ thống"): room for both, here and in the outbox that keeps it per mail.
ALTER TABLE ts_issue ALTER COLUMN legal_basis SET DATA TYPE VARCHAR(4000);
ALTER TABLE ts_notification ALTER COLUMN legal_basis SET DATA TYPE VARCHAR(4000);
