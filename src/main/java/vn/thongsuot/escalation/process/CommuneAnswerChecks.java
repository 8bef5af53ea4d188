package vn.thongsuot.escalation.process;

import static vn.thongsuot.escalation.process.IssueVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thongsuot.escalation.Outcome;

/** Server-side checks of the two commune forms; a refused form completes nothing. */
@Configuration
class CommuneAnswerChecks {

  @Bean
  TaskListener suppliedInfoCheck() {
    return task -> {
      List<String> problems = new ArrayList<>();
      LevelAnswerCheck.requireText(task, SUPPLIED_INFO, "Thông tin bổ sung", problems);
      if (!problems.isEmpty()) {
        throw new BadUserRequestException(String.join(" ", problems));
      }
      task.setVariable(SUPPLIED_BY, Officials.actorOf(task));
    };
  }

  @Bean
  TaskListener assessmentCheck() {
    return task -> {
      Object assessment = task.getVariable(ASSESSMENT);
      if (!Outcome.REMOVED.equals(assessment) && !Outcome.NOT_REMOVED.equals(assessment)) {
        throw new BadUserRequestException(
            "Chọn kết quả: vướng mắc đã được tháo gỡ, hoặc chưa tháo gỡ được.");
      }
      if (Outcome.NOT_REMOVED.equals(assessment)) {
        List<String> problems = new ArrayList<>();
        LevelAnswerCheck.requireText(task, ASSESSMENT_COMMENT,
            "Nhận xét của xã (vì sao chưa tháo gỡ được)", problems);
        if (!problems.isEmpty()) {
          throw new BadUserRequestException(String.join(" ", problems));
        }
      }
      task.setVariable(ASSESSED_BY, Officials.actorOf(task));
    };
  }
}
