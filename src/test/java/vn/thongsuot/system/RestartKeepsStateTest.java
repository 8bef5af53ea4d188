package vn.thongsuot.system;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the service on its H2 file keeps every issue, task and timer. */
class RestartKeepsStateTest {

  @TempDir Path dataDir;

  @Test
  void anIssueFiledBeforeARestartIsStillWaitingWithItsTimersAfterIt() {
    RestartScenario.fileStopStartAndFindTheIssue(
        "spring.profiles.active=demo",
        "THONGSUOT_DATA_DIR=" + dataDir.toAbsolutePath());
  }
}
