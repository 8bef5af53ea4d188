-- The league tables' counters and working-day histograms per unit and YEAR, beside the monthly
-- ones (V3): a country-wide table for a whole year reads one row per unit (and per day count)
-- instead of twelve; at a million issues the monthly sum took over 200 ms (docs/benchmarks.md).
CREATE TABLE ts_unit_year (
  year_no        INT          NOT NULL,
  unit_group     VARCHAR(64)  NOT NULL,
  unit_kind      VARCHAR(20)  NOT NULL,
  province_code  VARCHAR(2)   NOT NULL,
  received       INT          DEFAULT 0 NOT NULL,
  on_time        INT          DEFAULT 0 NOT NULL,
  late           INT          DEFAULT 0 NOT NULL,
  no_answer      INT          DEFAULT 0 NOT NULL,
  CONSTRAINT pk_ts_unit_year PRIMARY KEY (year_no, unit_group)
);
CREATE INDEX ix_ts_unit_year_period ON ts_unit_year (unit_kind, year_no, unit_group,
  province_code, received, on_time, late, no_answer);
CREATE INDEX ix_ts_unit_year_province ON ts_unit_year (province_code, unit_kind, year_no,
  unit_group, received, on_time, late, no_answer);

CREATE TABLE ts_unit_year_days (
  year_no        INT          NOT NULL,
  unit_group     VARCHAR(64)  NOT NULL,
  unit_kind      VARCHAR(20)  NOT NULL,
  province_code  VARCHAR(2)   NOT NULL,
  working_days   INT          NOT NULL,
  answers        INT          DEFAULT 0 NOT NULL,
  CONSTRAINT pk_ts_unit_year_days PRIMARY KEY (year_no, unit_group, working_days)
);
CREATE INDEX ix_ts_unit_year_days_period ON ts_unit_year_days (unit_kind, year_no, unit_group,
  working_days, answers, province_code);
CREATE INDEX ix_ts_unit_year_days_province ON ts_unit_year_days (province_code, unit_kind, year_no,
  unit_group, working_days, answers);

-- Existing monthly counters roll up into their years.
INSERT INTO ts_unit_year (year_no, unit_group, unit_kind, province_code, received, on_time, late, no_answer)
  SELECT year_month / 100, unit_group, MAX(unit_kind), MAX(province_code), SUM(received), SUM(on_time),
         SUM(late), SUM(no_answer)
  FROM ts_unit_month GROUP BY year_month / 100, unit_group;
INSERT INTO ts_unit_year_days (year_no, unit_group, unit_kind, province_code, working_days, answers)
  SELECT year_month / 100, unit_group, MAX(unit_kind), MAX(province_code), working_days, SUM(answers)
  FROM ts_unit_month_days GROUP BY year_month / 100, unit_group, working_days;
