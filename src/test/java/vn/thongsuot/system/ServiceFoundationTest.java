package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.thongsuot.AppTest;
import vn.thongsuot.engine.FeelExpressionCache.CachingScalaFeelEngine;

/** The service starts on H2, deploys every model of processes/, and runs with safe engine settings. */
@AppTest
class ServiceFoundationTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;

  @Test
  void deploysEveryFileOfTheProcessesFolder() throws IOException {
    List<String> deployed = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .toList();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path file : files) {
      String name = file.getFileName().toString();
      assertThat(deployed).as("deployed resources").anyMatch(resource -> resource.endsWith(name));
    }
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .extracting(ProcessDefinition::getKey)
        .contains("CommuneIssueEscalation", "EscalationLevel");
    assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("ResponsibleDepartment", "LevelDeadline");
  }

  @Test
  void startFormResolvesToTheDeployedCamundaForm() throws IOException {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey("CommuneIssueEscalation").latestVersion().singleResult();
    assertThat(forms.getStartFormData(definition.getId()).getCamundaFormRef().getKey())
        .isEqualTo("FileIssueForm");
    try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
      JsonNode json = new ObjectMapper().readTree(form);
      assertThat(json.get("id").asText()).isEqualTo("FileIssueForm");
      assertThat(json.toString()).contains("\"key\":\"description\"", "\"key\":\"field\"");
    }
  }

  @Test
  void everyProcessKeepsItsHistoryForAFixedTime() {
    assertThat(repository.createProcessDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isNotNull().isPositive());
  }

  @Test
  void engineRunsWithFullHistoryAuthorizationAndSafeVariables() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
  }

  @Test
  void decisionsParseEachExpressionOnceAndStillWriteTheirHistory() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(CachingScalaFeelEngine.class);
    CachingScalaFeelEngine feel = (CachingScalaFeelEngine) configuration.getDmnEngineConfiguration().getFeelEngine();
    long before = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("LevelDeadline").count();
    Object firstDays = deadlineDays("DEPARTMENT", "NORMAL");
    int parsed = feel.parsedTexts();
    assertThat(deadlineDays("DEPARTMENT", "NORMAL")).isEqualTo(firstDays).isEqualTo(7);
    assertThat(deadlineDays("DEPARTMENT", "NORMAL")).isEqualTo(7);
    assertThat(feel.parsedTexts()).as("nothing parsed again").isEqualTo(parsed);
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("LevelDeadline").count()).isEqualTo(before + 3);
  }

  private Object deadlineDays(String level, String urgency) {
    return engine.getDecisionService().evaluateDecisionTableByKey("LevelDeadline")
        .variables(Variables.createVariables().putValue("level", level).putValue("urgency", urgency))
        .evaluate().getSingleResult().getEntry("deadlineDays");
  }
}
