package vn.thongsuot.cluster;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storm of escalation timers on a test cluster: issues filed over HTTP (as communes do), then
 * the "no answer" escalation timer ({@code BoundaryEvent_NoAnswer}) of every one of them moved to
 * the same instant, as if all their departments had missed the deadline on the same day. The nodes'
 * job executors find the timers on their own; what happened is read back from the database:
 * Camunda's job log (each execution, by node, with the due date it had), our timeline and the
 * engine's meter log.
 */
public final class TimerStorm {

  public static final String ESCALATION_TIMER = "BoundaryEvent_NoAnswer";

  /** Demo communes that file (README, "Demo accounts") and field codes (shared/DOMAIN.md). */
  private static final String[] COMMUNES = {"10507", "10525", "10645", "11914", "22918", "22963", "23272"};
  private static final String[] FIELDS = {"finance-budget", "land", "construction-planning",
      "education-training", "health", "agriculture-environment"};

  private final ClusterDatabase database;

  public TimerStorm(ClusterDatabase database) {
    this.database = database;
  }

  /**
   * Files {@code count} issues through the given nodes in turn, {@code threads} requests at a time;
   * returns their numbers. Fails on the first refusal (these are valid filings).
   */
  public List<String> file(int count, int threads, ClusterNode... nodes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<String>> filings = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        filings.add(pool.submit(() -> {
          int n = next.getAndIncrement();
          ClusterNode node = nodes[n % nodes.length];
          String commune = COMMUNES[n % COMMUNES.length];
          HttpResponse<String> response = node.postJson("cb.commune-" + commune, "/api/issues",
              "{\"field\":\"" + FIELDS[(n / COMMUNES.length) % FIELDS.length] + "\",\"title\":\"Vướng mắc "
                  + n + "\",\"description\":\"Nội dung vướng mắc số " + n + "\",\"attempted\":\"Đã làm việc"
                  + " với các bên\",\"urgency\":\"NORMAL\"}");
          if (response.statusCode() != 201) {
            throw new IllegalStateException(node + " refused filing " + n + ": "
                + response.statusCode() + " " + response.body());
          }
          return response.body().replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<String> filing : filings) {
        numbers.add(filing.get());
      }
      return numbers;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Moves every pending escalation timer that is still in the future to {@code due} (what an
   * administrator's "change due date" does, for all of them at once); returns how many.
   */
  public int escalateAllAt(Instant due) {
    due = millis(due);
    return database.update("update act_ru_job set duedate_ = ? where duedate_ > ? and job_def_id_ in"
        + " (select id_ from act_ru_jobdef where act_id_ = ?)",
        Timestamp.from(due), Timestamp.from(Instant.now()), ESCALATION_TIMER);
  }

  /** Moves the pending escalation timers of the given issues (business keys) to {@code due}; how many. */
  public int escalateAt(Instant due, java.util.Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return 0;
    }
    List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(millis(due)), ESCALATION_TIMER));
    parameters.addAll(numbers);
    return database.update("update act_ru_job set duedate_ = ? where job_def_id_ in"
        + " (select id_ from act_ru_jobdef where act_id_ = ?) and process_instance_id_ in"
        + " (select proc_inst_id_ from act_ru_execution where parent_id_ is null and business_key_ in ("
        + String.join(",", Collections.nCopies(numbers.size(), "?")) + "))", parameters.toArray());
  }

  /** Escalation timers with the given due date not yet executed. */
  public long pending(Instant due) {
    due = millis(due);
    return database.number("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " where d.act_id_ = ? and j.duedate_ = ?", ESCALATION_TIMER, Timestamp.from(due));
  }

  /** Polls until no timer due at {@code due} is left or {@code timeout} passes; true if drained. */
  public boolean awaitDrained(Instant due, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (pending(due) == 0) {
        return true;
      }
      ClusterNode.sleep(Duration.ofMillis(250));
    }
    return pending(due) == 0;
  }

  /** What the job log, the timeline and the meter log say about the timers due at {@code due}. */
  public Result result(Instant due) {
    due = millis(due);
    List<Map<String, Object>> executions = database.rows("select job_id_, hostname_, timestamp_"
        + " from act_hi_job_log where act_id_ = ? and job_duedate_ = ? and job_state_ = 2",
        ESCALATION_TIMER, Timestamp.from(due));
    long failures = database.number("select count(*) from act_hi_job_log where act_id_ = ?"
        + " and job_duedate_ = ? and job_state_ = 1", ESCALATION_TIMER, Timestamp.from(due));
    long distinctJobs = executions.stream().map(r -> r.get("job_id_")).distinct().count();
    List<Long> lateness = new ArrayList<>();
    Instant last = due;
    for (Map<String, Object> row : executions) {
      Instant at = ((Timestamp) row.get("timestamp_")).toInstant();
      lateness.add(Duration.between(due, at).toMillis());
      if (at.isAfter(last)) {
        last = at;
      }
    }
    Collections.sort(lateness);
    Map<String, Long> byNode = new TreeMap<>(executions.stream()
        .collect(groupingBy(r -> String.valueOf(r.get("hostname_")), counting())));
    long escalations = database.number("select count(*) from ts_issue_event where event_type = 'ESCALATED_NO_ANSWER'");
    long issuesEscalatedTwice = database.number("select count(*) from (select issue_number from ts_issue_event"
        + " where event_type = 'ESCALATED_NO_ANSWER' group by issue_number, level_code having count(*) > 1) twice");
    long atProvince = database.number("select count(*) from ts_issue where current_level = 'PROVINCE'");
    long oneProvinceTask = database.number("select count(*) from (select e.business_key_"
        + " from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
        + " join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'"
        + " where l.group_id_ like 'province-%-committee'"
        + " group by e.business_key_ having count(distinct t.id_) = 1) one");
    List<Map<String, Object>> failureMessages = database.rows("select substr(job_exception_msg_, 1, 120) as message,"
        + " count(*) as n from act_hi_job_log where job_state_ = 1 group by 1 order by 2 desc limit 5");
    return new Result(executions.size(), distinctJobs, failures, lateness, Duration.between(due, last),
        byNode, escalations, issuesEscalatedTwice, atProvince, oneProvinceTask, failureMessages);
  }

  /** The engine's dates are milliseconds: a due date in microseconds would never match the job log's. */
  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Job acquisition figures the engine reported (flushed to ACT_RU_METER_LOG on a graceful stop). */
  public Map<String, Long> acquisitionMeters() {
    Map<String, Long> meters = new TreeMap<>();
    for (Map<String, Object> row : database.rows("select name_, sum(value_) as total from act_ru_meter_log"
        + " where name_ like 'job-%' group by name_")) {
      meters.put((String) row.get("name_"), ((Number) row.get("total")).longValue());
    }
    return meters;
  }

  /**
   * What the timers due at one instant did.
   *
   * @param executions successful executions in the job log (more than {@code jobs} = a timer ran twice)
   * @param jobs distinct timer jobs executed successfully
   * @param failures failed executions (an optimistic locking conflict is one; the job is retried)
   * @param latenessMillis execution time minus due time of every execution, sorted
   * @param drain due time to the last execution
   * @param byNode successful executions per node name
   * @param escalations "no answer" escalations in the timeline (whole database)
   * @param issuesEscalatedTwice issues escalated more than once from the same level
   * @param atProvince issues now at the provincial People's Committee ({@code ts_issue})
   * @param withOneProvinceTask issues with exactly one open task of a provincial committee
   * @param failureMessages the commonest exception messages of failed executions (all jobs), with counts
   */
  public record Result(long executions, long jobs, long failures, List<Long> latenessMillis,
      Duration drain, Map<String, Long> byNode, long escalations, long issuesEscalatedTwice,
      long atProvince, long withOneProvinceTask, List<Map<String, Object>> failureMessages) {

    public long percentile(double p) {
      if (latenessMillis.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * latenessMillis.size()) - 1;
      return latenessMillis.get(Math.max(0, Math.min(index, latenessMillis.size() - 1)));
    }

    public long earliestMillis() {
      return latenessMillis.isEmpty() ? 0 : latenessMillis.get(0);
    }

    public double jobsPerSecond() {
      return drain.isZero() ? 0 : jobs * 1000.0 / drain.toMillis();
    }

    @Override
    public String toString() {
      return String.format("%d timers executed %d times (%d failed attempts) in %.1f s = %.0f/s;"
              + " lateness min %d ms, p50 %d ms, p99 %d ms; by node %s; escalations %d"
              + " (issues escalated twice: %d); issues at the provincial committee %d, with one open"
              + " committee task %d",
          jobs, executions, failures, drain.toMillis() / 1000.0, jobsPerSecond(), earliestMillis(),
          percentile(50), percentile(99), byNode, escalations, issuesEscalatedTwice, atProvince,
          withOneProvinceTask);
    }
  }
}
