package vn.thongsuot.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Camunda's runtime rows for the open issues {@link BoardVolume} loaded, set-based on PostgreSQL, so
 * that Tasklist's filters query a national volume: for each open issue waiting for a unit (every
 * stage but a roadmap or a National Assembly session) one task with its candidate group, due and
 * follow-up date, 20% of them claimed; its authorizations; one process instance; and that instance's
 * variables. Every row is a copy of the rows the engine wrote for a real issue filed beforehand (the
 * template), with ids, unit groups, dates and the escalation flag replaced, so columns and
 * permissions are the engine's own. Not loaded: the parent instance, child executions, timer
 * jobs and history (Tasklist's task queries read none of them).
 */
final class TasklistVolume {

  private final DataSource dataSource;

  TasklistVolume(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Row counts of the runtime tables after the load; template = the real issue's department task. */
  Map<String, Long> load(String templateTaskId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      String instance;
      String candidate;
      String parentDefinition;
      try (PreparedStatement q = c.prepareStatement("SELECT t.proc_inst_id_, l.group_id_ FROM act_ru_task t"
          + " JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' WHERE t.id_ = ?")) {
        q.setString(1, templateTaskId);
        try (ResultSet row = q.executeQuery()) {
          row.next();
          instance = row.getString(1);
          candidate = row.getString(2);
        }
      }
      try (Statement sql = c.createStatement(); ResultSet row = sql.executeQuery("SELECT id_ FROM act_re_procdef"
          + " WHERE key_ = 'CommuneIssueEscalation' ORDER BY version_ DESC LIMIT 1")) {
        row.next();
        parentDefinition = row.getString(1);
      }
      String tplTask = "'" + templateTaskId + "'";
      String tplInstance = "'" + instance + "'";
      try (Statement sql = c.createStatement()) {
        sql.execute("SET work_mem = '256MB'");
        sql.execute("SET maintenance_work_mem = '512MB'");
        sql.execute("CREATE TEMP TABLE bench_task AS SELECT i.issue_number, i.commune_code, i.province_code,"
            + " i.current_group, i.current_level, i.deadline_at, i.reminder_at, i.arrived_escalated,"
            + " gen_random_uuid()::TEXT AS task_id, gen_random_uuid()::TEXT AS exec_id,"
            + " row_number() OVER () AS g"
            + " FROM ts_issue i WHERE i.status = 'OPEN' AND i.process_instance_id LIKE 'bench-%'"
            + " AND i.current_level NOT IN ('ROADMAP', 'NATIONAL_ASSEMBLY_SESSION')");

        sql.execute(copy(c, "act_ru_execution", Map.of(
            "id_", "b.exec_id", "proc_inst_id_", "b.exec_id", "root_proc_inst_id_", "b.exec_id",
            "business_key_", "b.issue_number", "parent_id_", "NULL", "super_exec_", "NULL", "rev_", "1"),
            "FROM bench_task b CROSS JOIN act_ru_execution t WHERE t.id_ = " + tplInstance));
        sql.execute(copy(c, "act_ru_task", Map.of(
            "id_", "b.task_id", "execution_id_", "b.exec_id", "proc_inst_id_", "b.exec_id",
            "name_", "b.issue_number || ' · Xã ' || b.commune_code || ' · ' || b.current_level",
            "task_def_key_", "CASE b.current_level WHEN 'COMMUNE_INFO' THEN 'Task_SupplyInfo'"
                + " WHEN 'COMMUNE_ASSESSMENT' THEN 'Task_AssessAnswer' ELSE 'Task_HandleAtLevel' END",
            "proc_def_id_", "CASE WHEN b.current_level = 'COMMUNE_ASSESSMENT' THEN '" + parentDefinition
                + "' ELSE t.proc_def_id_ END",
            "due_date_", "b.deadline_at", "follow_up_date_", "b.reminder_at",
            "create_time_", "b.deadline_at - INTERVAL '10 days'", "last_updated_", "NULL"),
            "FROM bench_task b CROSS JOIN act_ru_task t WHERE t.id_ = " + tplTask));
        sql.execute("UPDATE act_ru_task SET assignee_ = 'cb.' || b.current_group FROM bench_task b"
            + " WHERE act_ru_task.id_ = b.task_id AND b.g % 5 = 0");
        sql.execute(copy(c, "act_ru_identitylink", Map.of(
            "id_", "gen_random_uuid()::TEXT", "group_id_", "b.current_group", "task_id_", "b.task_id"),
            "FROM bench_task b CROSS JOIN act_ru_identitylink t WHERE t.task_id_ = " + tplTask));
        // The task's grants (candidate group, province supervisor) and the level instance's (READ for
        // the commune, the supervisor, the unit), groups mapped from the template issue's to this one's.
        sql.execute(copy(c, "act_ru_authorization", Map.of(
            "id_", "gen_random_uuid()::TEXT",
            "resource_id_", "CASE WHEN t.resource_id_ = " + tplTask + " THEN b.task_id ELSE b.exec_id END",
            "root_proc_inst_id_", "b.exec_id",
            "group_id_", "CASE WHEN t.group_id_ = '" + candidate + "' THEN b.current_group"
                + " WHEN t.group_id_ LIKE 'supervisor-province-%' THEN 'supervisor-province-' || b.province_code"
                + " WHEN t.group_id_ LIKE 'commune-%' THEN 'commune-' || b.commune_code ELSE t.group_id_ END"),
            "FROM bench_task b CROSS JOIN act_ru_authorization t WHERE t.resource_id_ IN (" + tplTask + ", "
                + tplInstance + ")") + " ON CONFLICT DO NOTHING");
        sql.execute(copy(c, "act_ru_variable", Map.of(
            "id_", "gen_random_uuid()::TEXT", "execution_id_", "b.exec_id", "proc_inst_id_", "b.exec_id",
            "task_id_", "CASE WHEN t.task_id_ IS NULL THEN NULL ELSE b.task_id END",
            "var_scope_", "CASE WHEN t.task_id_ IS NULL THEN b.exec_id ELSE b.task_id END",
            "long_", "CASE WHEN t.name_ = 'escalatedForNoAnswer' THEN CASE WHEN b.arrived_escalated THEN 1 ELSE 0 END"
                + " ELSE t.long_ END"),
            "FROM bench_task b CROSS JOIN act_ru_variable t WHERE t.proc_inst_id_ = " + tplInstance
                + " AND t.bytearray_id_ IS NULL"));
        sql.execute("DROP TABLE bench_task");
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization",
            "act_ru_variable")) {
          sql.execute("VACUUM ANALYZE " + table);
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      try (Statement sql = c.createStatement()) {
        for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization", "act_ru_execution",
            "act_ru_variable")) {
          try (ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            counts.put(table, rs.getLong(1));
          }
        }
      }
      return counts;
    }
  }

  /** INSERT ... SELECT of every column of the table: the template row's value unless replaced. */
  private static String copy(Connection c, String table, Map<String, String> replaced, String from) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME").toLowerCase());
      }
    }
    List<String> values = columns.stream().map(column -> replaced.getOrDefault(column, "t." + column)).toList();
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
        + " " + from;
  }
}
