package vn.thongsuot.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.thongsuot.directory.Commune;
import vn.thongsuot.directory.UnitDirectory;

/**
 * Loads the board's read model at national scale on PostgreSQL, set-based: issues, their level
 * visits, then the monthly counters and histograms aggregated from those visits, as
 * {@link LevelVisits} would have kept them. Every open issue's timers agree with its level.
 */
final class BoardVolume {

  /** Field to provincial department and central body, as processes/IssueRouting.dmn routes them. */
  static final Map<String, String[]> ROUTING = new LinkedHashMap<>();

  static {
    ROUTING.put("finance-budget", new String[] {"finance", "ministry-finance"});
    ROUTING.put("public-assets", new String[] {"finance", "ministry-finance"});
    ROUTING.put("land", new String[] {"agriculture-environment", "ministry-agriculture-environment"});
    ROUTING.put("agriculture-environment", new String[] {"agriculture-environment", "ministry-agriculture-environment"});
    ROUTING.put("construction-planning", new String[] {"construction", "ministry-construction"});
    ROUTING.put("organisation-staff", new String[] {"home-affairs", "ministry-home-affairs"});
    ROUTING.put("administrative-procedures", new String[] {"office", "government-office"});
    ROUTING.put("digital-science-technology", new String[] {"science-technology", "ministry-science-technology"});
    ROUTING.put("education-training", new String[] {"education-training", "ministry-education-training"});
    ROUTING.put("health", new String[] {"health", "ministry-health"});
    ROUTING.put("legal-documents", new String[] {"justice", "ministry-justice"});
    ROUTING.put("industry-trade", new String[] {"industry-trade", "ministry-industry-trade"});
    ROUTING.put("culture-sports-tourism", new String[] {"culture-sports-tourism", "ministry-culture-sports-tourism"});
  }

  /** Days between a level's arrival and the next level's: longer than the slowest answer. */
  private static final int STEP_DAYS = 18;

  private final DataSource dataSource;
  private final UnitDirectory directory;

  BoardVolume(DataSource dataSource, UnitDirectory directory) {
    this.dataSource = dataSource;
    this.directory = directory;
  }

  /** Row counts per table after the load. */
  Map<String, Long> load(int closed, int open, Instant now) throws SQLException {
    String nowSql = "TIMESTAMP '" + Timestamp.from(now) + "'";
    int total = closed + open;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (Statement sql = c.createStatement()) {
        sql.execute("SET work_mem = '256MB'");
        sql.execute("SET maintenance_work_mem = '512MB'");
        sql.execute("CREATE TEMP TABLE bench_commune (idx INT PRIMARY KEY, commune_code VARCHAR(5),"
            + " province_code VARCHAR(2))");
        sql.execute("CREATE TEMP TABLE bench_field (idx INT PRIMARY KEY, field_code VARCHAR(40),"
            + " department VARCHAR(40), central VARCHAR(64))");
      }
      List<Commune> communes = directory.provinces().stream()
          .flatMap(p -> directory.communesOf(p.code()).stream()).toList();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commune VALUES (?,?,?)")) {
        for (int i = 0; i < communes.size(); i++) {
          insert.setInt(1, i);
          insert.setString(2, communes.get(i).code());
          insert.setString(3, communes.get(i).province().code());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_field VALUES (?,?,?,?)")) {
        int i = 0;
        for (Map.Entry<String, String[]> field : ROUTING.entrySet()) {
          insert.setInt(1, i++);
          insert.setString(2, field.getKey());
          insert.setString(3, field.getValue()[0]);
          insert.setString(4, field.getValue()[1]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement sql = c.createStatement()) {
        // One row per issue with its random draws; OFFSET 0 keeps each random() drawn once per row.
        // Open issues: where they wait (d = ladder levels visited) mostly at a department.
        sql.execute("CREATE TEMP TABLE bench_issue AS"
            + " SELECT s.*, c.commune_code, c.province_code, f.field_code, f.department, f.central,"
            + "   CASE WHEN s.is_open THEN s.ta - (s.d - CASE WHEN s.last_open THEN 1 ELSE 0 END)"
            + "        * INTERVAL '" + STEP_DAYS + " days'"
            + "   ELSE " + nowSql + " - (s.d * " + STEP_DAYS + " + 20 + s.r_time * 700) * INTERVAL '1 day' END AS t1"
            + " FROM (SELECT b.*,"
            + "   CASE WHEN b.stage = 'ROADMAP' THEN " + nowSql + " - b.r_time * INTERVAL '60 days'"
            + "        WHEN b.stage = 'NATIONAL_ASSEMBLY_SESSION' THEN " + nowSql + " - b.r_time * INTERVAL '100 days'"
            + "        ELSE " + nowSql + " - power(b.r_time, 1.5) * INTERVAL '13 days' END AS ta,"
            + "   b.stage IN ('DEPARTMENT','PROVINCE','MINISTRY','GOVERNMENT','NATIONAL_ASSEMBLY') AS last_open,"
            + "   b.stage IN ('COMMUNE_INFO','COMMUNE_ASSESSMENT') AS commune_open"
            + "  FROM (SELECT a.*,"
            + "     CASE WHEN NOT a.is_open THEN CASE WHEN a.r_depth < .62 THEN 1 WHEN a.r_depth < .90 THEN 2"
            + "            WHEN a.r_depth < .98 THEN 3 WHEN a.r_depth < .995 THEN 4 ELSE 5 END"
            + "          WHEN a.r_stage < .58 THEN 1 WHEN a.r_stage < .76 THEN 2 WHEN a.r_stage < .84 THEN 3"
            + "          WHEN a.r_stage < .86 THEN 4 WHEN a.r_stage < .87 THEN 5 WHEN a.r_stage < .93 THEN 1"
            + "          WHEN a.r_stage < .98 THEN CASE WHEN a.r_depth < .3 THEN 2 ELSE 1 END"
            + "          WHEN a.r_stage < .995 THEN 3 ELSE 5 END AS d,"
            + "     CASE WHEN NOT a.is_open THEN NULL WHEN a.r_stage < .58 THEN 'DEPARTMENT'"
            + "          WHEN a.r_stage < .76 THEN 'PROVINCE' WHEN a.r_stage < .84 THEN 'MINISTRY'"
            + "          WHEN a.r_stage < .86 THEN 'GOVERNMENT' WHEN a.r_stage < .87 THEN 'NATIONAL_ASSEMBLY'"
            + "          WHEN a.r_stage < .93 THEN 'COMMUNE_INFO' WHEN a.r_stage < .98 THEN 'COMMUNE_ASSESSMENT'"
            + "          WHEN a.r_stage < .995 THEN 'ROADMAP' ELSE 'NATIONAL_ASSEMBLY_SESSION' END AS stage"
            + "    FROM (SELECT g, g > " + closed + " AS is_open,"
            + "       floor(power(random(), 1.15) * " + communes.size() + ")::INT AS ci,"
            + "       floor(power(random(), 1.4) * " + ROUTING.size() + ")::INT AS fi,"
            + "       random() AS r_depth, random() AS r_stage, random() AS r_time,"
            + "       random() < .05 AS withdrawn"
            + "     FROM generate_series(1, " + total + ") g OFFSET 0) a) b) s"
            + " JOIN bench_commune c ON c.idx = s.ci JOIN bench_field f ON f.idx = s.fi");
        sql.execute("CREATE TEMP TABLE bench_issue2 AS SELECT i.*, 'VM-' || extract(YEAR FROM i.t1)::INT || '-'"
            + " || i.province_code || '-' || lpad(i.g::TEXT, 7, '0') AS number FROM bench_issue i");

        // The level visits: k = 1..d up the ladder; level k - 1 went unanswered for 15% of escalations.
        String noAnswer = "((v.g::BIGINT * 7919 + (v.k) * 104729) % 100 < 15)";
        String prevNoAnswer = "((v.g::BIGINT * 7919 + (v.k - 1) * 104729) % 100 < 15)";
        sql.execute("INSERT INTO ts_level_visit (issue_number, province_code, field_code, stage, unit_group,"
            + " unit_kind, assigned_at, deadline_at, answered_at, outcome, on_time, working_days, arrived_escalated)"
            + " SELECT number, province_code, field_code,"
            + "   (ARRAY['DEPARTMENT','PROVINCE','MINISTRY','GOVERNMENT','NATIONAL_ASSEMBLY'])[k],"
            + "   CASE k WHEN 1 THEN 'province-' || province_code || '-' || department"
            + "     WHEN 2 THEN 'province-' || province_code || '-committee' WHEN 3 THEN central"
            + "     WHEN 4 THEN 'government-office' ELSE 'national-assembly' END,"
            + "   CASE k WHEN 1 THEN 'DEPARTMENT' WHEN 2 THEN 'PROVINCE_COMMITTEE' ELSE 'MINISTRY' END,"
            + "   assigned, assigned + INTERVAL '9 days 20 hours',"
            + "   CASE WHEN open_visit THEN NULL WHEN no_answer THEN assigned + INTERVAL '13 days 20 hours'"
            + "     WHEN withdrawn_here THEN assigned + INTERVAL '5 days'"
            + "     ELSE assigned + wd * INTERVAL '1.4 days' END,"
            + "   CASE WHEN open_visit THEN NULL WHEN no_answer THEN 'NO_ANSWER' WHEN withdrawn_here THEN 'WITHDRAWN'"
            + "     WHEN k < d THEN (ARRAY['EXCEEDS_DEPARTMENT','REFER_TO_MINISTRY','NEEDS_GOVERNMENT','NEEDS_LAW_CHANGE'])[k]"
            + "     ELSE (ARRAY['GUIDANCE_GIVEN','RESOLVED','RESOLVED','DECIDED','ON_AGENDA'])[k] END,"
            + "   CASE WHEN open_visit OR withdrawn_here THEN NULL WHEN no_answer THEN FALSE ELSE wd <= 7 END,"
            + "   CASE WHEN open_visit OR withdrawn_here THEN NULL WHEN no_answer THEN 10 ELSE wd END,"
            + "   arrived_escalated"
            + " FROM (SELECT v.*, v.t1 + (v.k - 1) * INTERVAL '" + STEP_DAYS + " days' AS assigned,"
            + "     (v.k < v.d AND " + noAnswer + ") AS no_answer,"
            + "     (v.k > 1 AND " + prevNoAnswer + ") AS arrived_escalated,"
            + "     (v.is_open AND v.last_open AND v.k = v.d) AS open_visit,"
            + "     (NOT v.is_open AND v.withdrawn AND v.k = v.d) AS withdrawn_here,"
            + "     1 + floor(power(random(), 1.2) * 12)::INT AS wd"
            + "   FROM (SELECT i.*, k FROM bench_issue2 i CROSS JOIN LATERAL generate_series(1, i.d) k) v"
            + "   OFFSET 0) x");
        // The commune's own task: assessing the answer (closed issues), or an open commune task.
        sql.execute("INSERT INTO ts_level_visit (issue_number, province_code, field_code, stage, unit_group,"
            + " unit_kind, assigned_at, deadline_at, answered_at, outcome, on_time, working_days)"
            + " SELECT number, province_code, field_code, COALESCE(stage, 'COMMUNE_ASSESSMENT'),"
            + "   'commune-' || commune_code, 'COMMUNE', assigned, assigned + INTERVAL '7 days',"
            + "   CASE WHEN is_open THEN NULL ELSE assigned + wd * INTERVAL '1.4 days' END,"
            + "   CASE WHEN is_open THEN NULL WHEN wd = 6 THEN 'NOT_REMOVED' ELSE 'REMOVED' END,"
            + "   CASE WHEN is_open THEN NULL ELSE wd <= 5 END, CASE WHEN is_open THEN NULL ELSE wd END"
            + " FROM (SELECT i.*, CASE WHEN i.is_open THEN i.ta"
            + "       ELSE i.t1 + ((i.d - 1) * " + STEP_DAYS + " + 17) * INTERVAL '1 day' END AS assigned,"
            + "     1 + floor(random() * 6)::INT AS wd"
            + "   FROM bench_issue2 i WHERE (i.is_open AND i.commune_open) OR (NOT i.is_open AND NOT i.withdrawn)"
            + "   OFFSET 0) x");

        // The issues. Open ones: timers of the step they wait at, from its arrival ta.
        sql.execute("INSERT INTO ts_issue (issue_number, process_instance_id, commune_code, province_code,"
            + " field_code, urgency, title, description, attempted, filed_by, filed_at, status, current_level,"
            + " current_group, deadline_at, overdue, closed_at, reminder_at, escalate_at, next_timer_at,"
            + " next_timer_kind, arrived_escalated)"
            + " SELECT number, 'bench-' || g, commune_code, province_code, field_code,"
            + "   CASE WHEN g % 10 = 0 THEN 'URGENT' ELSE 'NORMAL' END,"
            + "   'Vướng mắc số ' || g || ' về ' || field_code, 'Nội dung vướng mắc thử tải.',"
            + "   'Xã đã rà soát văn bản.', 'cb.commune-' || commune_code, t1,"
            + "   CASE WHEN is_open THEN 'OPEN' WHEN withdrawn THEN 'WITHDRAWN' ELSE 'RESOLVED' END,"
            + "   stage, grp, dl, is_open AND last_open AND dl < " + nowSql + ","
            + "   CASE WHEN is_open THEN NULL ELSE t1 + ((d - 1) * " + STEP_DAYS + ") * INTERVAL '1 day'"
            + "     + CASE WHEN withdrawn THEN INTERVAL '5 days' ELSE INTERVAL '26 days' END END,"
            + "   rm, es,"
            + "   CASE WHEN rm > " + nowSql + " THEN rm WHEN es IS NOT NULL AND dl > " + nowSql + " THEN dl"
            + "     WHEN es IS NOT NULL THEN es WHEN stage IN ('ROADMAP','NATIONAL_ASSEMBLY_SESSION') THEN dl END,"
            + "   CASE WHEN rm > " + nowSql + " THEN 'REMINDER' WHEN es IS NOT NULL AND dl > " + nowSql
            + "     THEN 'DEADLINE' WHEN es IS NOT NULL THEN 'ESCALATION' WHEN stage = 'ROADMAP' THEN 'FOLLOW_UP'"
            + "     WHEN stage = 'NATIONAL_ASSEMBLY_SESSION' THEN 'SESSION_END' END,"
            + "   is_open AND last_open AND d > 1 AND ((g::BIGINT * 7919 + (d - 1) * 104729) % 100 < 15)"
            + " FROM (SELECT i.*,"
            + "     CASE WHEN NOT i.is_open THEN NULL"
            + "       WHEN i.stage = 'DEPARTMENT' THEN 'province-' || i.province_code || '-' || i.department"
            + "       WHEN i.stage = 'PROVINCE' THEN 'province-' || i.province_code || '-committee'"
            + "       WHEN i.stage IN ('MINISTRY','ROADMAP') THEN i.central"
            + "       WHEN i.stage = 'GOVERNMENT' THEN 'government-office'"
            + "       WHEN i.stage IN ('NATIONAL_ASSEMBLY','NATIONAL_ASSEMBLY_SESSION') THEN 'national-assembly'"
            + "       ELSE 'commune-' || i.commune_code END AS grp,"
            + "     CASE WHEN NOT i.is_open THEN NULL WHEN i.stage = 'ROADMAP' THEN i.ta + INTERVAL '90 days'"
            + "       WHEN i.stage = 'NATIONAL_ASSEMBLY_SESSION' THEN i.ta + INTERVAL '120 days'"
            + "       WHEN i.commune_open THEN i.ta + INTERVAL '7 days' ELSE i.ta + INTERVAL '9 days 20 hours' END AS dl,"
            + "     CASE WHEN NOT i.is_open OR NOT (i.last_open OR i.commune_open) THEN NULL"
            + "       WHEN i.commune_open THEN i.ta + INTERVAL '5 days' ELSE i.ta + INTERVAL '6 days 20 hours' END AS rm,"
            + "     CASE WHEN i.is_open AND i.last_open THEN i.ta + INTERVAL '13 days 20 hours' END AS es"
            + "   FROM bench_issue2 i) x");

        // The league tables' counters, exactly as LevelVisits counts: by the month (Vietnam time)
        // the unit received the issue; NO_ANSWER counts as unanswered, WITHDRAWN not at all.
        String month = "(extract(YEAR FROM assigned_at + INTERVAL '7 hours') * 100"
            + " + extract(MONTH FROM assigned_at + INTERVAL '7 hours'))::INT";
        String province = "MAX(CASE WHEN unit_kind = 'MINISTRY' THEN '" + UnitKind.CENTRAL + "' ELSE province_code END)";
        sql.execute("INSERT INTO ts_unit_month (year_month, unit_group, unit_kind, province_code, received,"
            + " on_time, late, no_answer)"
            + " SELECT " + month + ", unit_group, MAX(unit_kind), " + province + ", COUNT(*),"
            + "   COUNT(*) FILTER (WHERE outcome NOT IN ('NO_ANSWER','WITHDRAWN') AND on_time),"
            + "   COUNT(*) FILTER (WHERE outcome NOT IN ('NO_ANSWER','WITHDRAWN') AND NOT on_time),"
            + "   COUNT(*) FILTER (WHERE outcome = 'NO_ANSWER')"
            + " FROM ts_level_visit GROUP BY " + month + ", unit_group");
        sql.execute("INSERT INTO ts_unit_month_days (year_month, unit_group, unit_kind, province_code,"
            + " working_days, answers)"
            + " SELECT " + month + ", unit_group, MAX(unit_kind), " + province + ", working_days, COUNT(*)"
            + " FROM ts_level_visit WHERE answered_at IS NOT NULL AND outcome NOT IN ('NO_ANSWER','WITHDRAWN')"
            + " GROUP BY " + month + ", unit_group, working_days");
        // The yearly rollup (V6), as LevelVisits keeps it: the same counts by year of receipt.
        sql.execute("INSERT INTO ts_unit_year (year_no, unit_group, unit_kind, province_code, received,"
            + " on_time, late, no_answer) SELECT year_month / 100, unit_group, MAX(unit_kind), MAX(province_code),"
            + " SUM(received), SUM(on_time), SUM(late), SUM(no_answer) FROM ts_unit_month"
            + " GROUP BY year_month / 100, unit_group");
        sql.execute("INSERT INTO ts_unit_year_days (year_no, unit_group, unit_kind, province_code,"
            + " working_days, answers) SELECT year_month / 100, unit_group, MAX(unit_kind), MAX(province_code),"
            + " working_days, SUM(answers) FROM ts_unit_month_days GROUP BY year_month / 100, unit_group, working_days");
        sql.execute("DROP TABLE bench_issue2");
        sql.execute("DROP TABLE bench_issue");
        // Steady state of a live system: autovacuum has run (visibility map set, statistics fresh).
        for (String table : List.of("ts_issue", "ts_level_visit", "ts_unit_month", "ts_unit_month_days",
            "ts_unit_year", "ts_unit_year_days")) {
          sql.execute("VACUUM ANALYZE " + table);
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      try (Statement sql = c.createStatement()) {
        for (String query : List.of(
            "ts_issue (closed)|SELECT COUNT(*) FROM ts_issue WHERE status <> 'OPEN'",
            "ts_issue (open)|SELECT COUNT(*) FROM ts_issue WHERE status = 'OPEN'",
            "ts_level_visit|SELECT COUNT(*) FROM ts_level_visit",
            "ts_unit_month|SELECT COUNT(*) FROM ts_unit_month",
            "ts_unit_month_days|SELECT COUNT(*) FROM ts_unit_month_days",
            "ts_unit_year|SELECT COUNT(*) FROM ts_unit_year",
            "ts_unit_year_days|SELECT COUNT(*) FROM ts_unit_year_days")) {
          String[] parts = query.split("\\|");
          try (var rs = sql.executeQuery(parts[1])) {
            rs.next();
            counts.put(parts[0], rs.getLong(1));
          }
        }
      }
      return counts;
    }
  }
}
