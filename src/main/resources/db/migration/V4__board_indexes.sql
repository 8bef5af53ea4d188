-- Indexes for the supervisors' board at national scale (docs/benchmarks.md: 1M closed, 100k open
-- issues on PostgreSQL). Plain multi-column indexes, the same on H2 and PostgreSQL; they only add
-- to V1/V3, whose indexes stay as they are.

-- The timer board: the open issues in firing order, with the columns its state filters and
-- counts test. Counting 100k open issues, or paging in order past those a filter rejects, then
-- reads the index alone instead of visiting every open issue's row.
CREATE INDEX ix_ts_issue_board ON ts_issue (status, next_timer_at, issue_number, reminder_at,
  deadline_at, current_level, arrived_escalated, province_code);

-- Overdue open issues per unit or province (league tables, the OVERDUE filter): from the index.
CREATE INDEX ix_ts_issue_overdue ON ts_issue (status, deadline_at, current_level, current_group,
  province_code);

-- League tables' medians: a year of 3,321 communes' histograms is some 225k rows; read them from
-- the index, country-wide by kind and period, or for one province.
CREATE INDEX ix_ts_unit_month_days_period ON ts_unit_month_days (unit_kind, year_month, unit_group,
  working_days, answers, province_code);
CREATE INDEX ix_ts_unit_month_days_province ON ts_unit_month_days (province_code, unit_kind,
  year_month, unit_group, working_days, answers);

-- League tables' counters, likewise.
CREATE INDEX ix_ts_unit_month_period ON ts_unit_month (unit_kind, year_month, unit_group,
  province_code, received, on_time, late, no_answer);
CREATE INDEX ix_ts_unit_month_province ON ts_unit_month (province_code, unit_kind, year_month,
  unit_group, received, on_time, late, no_answer);
