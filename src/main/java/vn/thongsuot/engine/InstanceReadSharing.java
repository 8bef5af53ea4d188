package vn.thongsuot.engine;

/**
 * Told by {@link CalledInstanceSharing} when a called process instance starts and when a user task
 * is created, for every deployed process, so that whoever reads an issue reads all of it.
 */
public interface InstanceReadSharing {

  void calledInstanceStarted(String calledInstanceId, String callingInstanceId);

  void taskCreated(String taskId, String processInstanceId);
}
