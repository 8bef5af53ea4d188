package vn.thongsuot.escalation.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.thongsuot.escalation.IssueIdentity;
import vn.thongsuot.escalation.IssueRecords;

/**
 * The issue a running step belongs to, for delegates and listeners: found by the process instance
 * at the top of the call hierarchy (the one our filing started, whatever level runs below it) in
 * {@code ts_issue}, never from the variables {@code issueNumber}, {@code communeCode} and the like.
 * Read once per transaction: an issue's identity does not change.
 */
@Component
class IssueContext {

  private static final Object CACHE = new Object();

  private final IssueRecords records;

  IssueContext(IssueRecords records) {
    this.records = records;
  }

  IssueIdentity of(VariableScope scope) {
    String root = rootInstanceOf(scope);
    Map<String, IssueIdentity> cache = transactionCache();
    IssueIdentity identity = cache == null ? null : cache.get(root);
    if (identity == null) {
      identity = records.identityOf(root).orElseThrow(() -> new IllegalStateException(
          "process instance " + root + " belongs to no issue"));
      if (cache != null) {
        cache.put(root, identity);
      }
    }
    return identity;
  }

  static String rootInstanceOf(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
    // Only a called instance's own execution knows the execution that called it.
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getId();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, IssueIdentity> transactionCache() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, IssueIdentity> cache = (Map<String, IssueIdentity>) TransactionSynchronizationManager.getResource(CACHE);
    if (cache == null) {
      cache = new HashMap<>();
      TransactionSynchronizationManager.bindResource(CACHE, cache);
      TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CACHE);
        }
      });
    }
    return cache;
  }
}
