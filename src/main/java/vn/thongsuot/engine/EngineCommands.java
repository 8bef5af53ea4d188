package vn.thongsuot.engine;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.stereotype.Component;

/** The few engine operations the public API has no call for. */
@Component
public class EngineCommands {

  private final ProcessEngineConfigurationImpl engine;
  private final IdentityService identity;

  EngineCommands(ProcessEngineConfiguration engine, IdentityService identity) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.identity = identity;
  }

  /**
   * Runs engine calls as {@code userId}, so Camunda's user operation log (Cockpit's audit) names
   * them, in one command whose authorization checks are off: for changes our own code has decided
   * the caller may make (a supervisor's extension) but the engine's grants do not cover.
   */
  public void runAs(String userId, Runnable changes) {
    identity.setAuthenticatedUserId(userId);
    try {
      engine.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          changes.run();
          return null;
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The cycle a timer job repeats on ({@code null} for a job that is not a repeating timer). */
  public String repeatOf(String jobId) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      return context.getJobManager().findJobById(jobId) instanceof TimerEntity timer ? timer.getRepeat() : null;
    });
  }

  /** Gives a repeating timer a new cycle and its next firing (no public call changes a cycle). */
  public void reschedule(String jobId, String cron, Date next) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      if (context.getJobManager().findJobById(jobId) instanceof TimerEntity timer) {
        timer.setRepeat(cron);
        timer.setDuedate(next);
      }
      return null;
    });
  }
}
