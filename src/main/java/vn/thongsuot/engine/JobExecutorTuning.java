package vn.thongsuot.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two parts of the job executor's tuning that {@code application.yaml} cannot express
 * (the rest is there, under {@code camunda.bpm.job-execution} and the engine's generic properties;
 * docs/reliability.md explains every value):
 * <ul>
 *   <li>the index that makes the timer-first, by-due-date acquisition query cheap. Acquisition
 *       asks "jobs with retries, due by now, not locked, ordered by type and due date"; with
 *       {@code ensureJobDueDateNotNull} every job has a due date, so an index on it turns the
 *       every-few-seconds poll of each node into a range scan of the jobs actually due. Camunda's
 *       schema has no such index; it is created here because the engine creates its schema after
 *       Flyway has run.
 *   <li>the node's name in the job log and the metrics ({@code thongsuot.node-name}), so that a
 *       cluster on one machine (or behind one address) tells its nodes apart. Empty: Camunda's
 *       default (address and engine name).
 *   <li>the same name at the start of the job executor's lock owner ({@code node-a/1b2c3d4e} in
 *       {@code ACT_RU_JOB.LOCK_OWNER_} instead of a bare UUID), so whoever looks at a locked job
 *       sees which node holds it, e.g. a node that died with jobs locked. The random part stays:
 *       each start of a node is a new owner, and two nodes given one name still lock apart.
 * </ul>
 */
@Component
class JobExecutorTuning extends AbstractProcessEnginePlugin {

  static final String ACQUISITION_INDEX = "TS_IDX_JOB_ACQUISITION";

  private static final Logger log = LoggerFactory.getLogger(JobExecutorTuning.class);

  private final String nodeName;

  JobExecutorTuning(@Value("${thongsuot.node-name:}") String nodeName) {
    this.nodeName = nodeName;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isBlank()) {
      configuration.setHostname(nodeName.strip());
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (!nodeName.isBlank() && jobExecutor != null) {
      jobExecutor.setLockOwner(nodeName.strip() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE INDEX IF NOT EXISTS " + ACQUISITION_INDEX + " ON ACT_RU_JOB (DUEDATE_)");
    } catch (SQLException e) {
      // Usually two nodes starting at once on an empty database: the other one created it first.
      log.warn("Job acquisition index {} not created by this node: {}", ACQUISITION_INDEX, e.getMessage());
    }
  }
}
