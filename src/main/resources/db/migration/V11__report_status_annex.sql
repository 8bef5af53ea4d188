-- What a monthly report says besides its figures (docs/monthly-report.md): the four-way status of
-- each responsible unit, per province of the issues it held, and the outstanding-items annex (every
-- item open at the cut-off). Copied at compilation, with names, so a published report never changes.
CREATE TABLE ts_monthly_report_unit (
  report_id         BIGINT        NOT NULL,
  province_code     VARCHAR(2)    NOT NULL,
  province_name     VARCHAR(200)  NOT NULL,
  unit_group        VARCHAR(64)   NOT NULL,
  unit_kind         VARCHAR(20)   NOT NULL,
  unit_name         VARCHAR(300)  NOT NULL,
  solved_on_time    INT           NOT NULL,
  solved_late       INT           NOT NULL,
  open_within_term  INT           NOT NULL,
  open_overdue      INT           NOT NULL,
  CONSTRAINT pk_ts_monthly_report_unit PRIMARY KEY (report_id, province_code, unit_group),
  CONSTRAINT fk_ts_monthly_report_unit FOREIGN KEY (report_id) REFERENCES ts_monthly_report (id)
);

CREATE TABLE ts_monthly_report_open_item (
  report_id      BIGINT        NOT NULL,
  issue_number   VARCHAR(32)   NOT NULL,
  province_code  VARCHAR(2)    NOT NULL,
  commune_code   VARCHAR(5)    NOT NULL,
  commune_name   VARCHAR(200)  NOT NULL,
  field_code     VARCHAR(40)   NOT NULL,
  field_name     VARCHAR(200)  NOT NULL,
  holder_group   VARCHAR(64),
  holder_name    VARCHAR(300),
  deadline_at    TIMESTAMP,
  days_overdue   INT           NOT NULL,
  escalations    INT           NOT NULL,
  extensions     INT           NOT NULL,
  CONSTRAINT pk_ts_monthly_report_open_item PRIMARY KEY (report_id, issue_number),
  CONSTRAINT fk_ts_monthly_report_open_item FOREIGN KEY (report_id) REFERENCES ts_monthly_report (id)
);
