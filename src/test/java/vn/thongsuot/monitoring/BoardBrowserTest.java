package vn.thongsuot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.FilingRequest;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.tasklist.Tasklist;

/**
 * The supervisors' board in a real (headless) Chromium: Hải Phòng's supervisor logs into Tasklist,
 * opens the board with that login, filters the running deadlines, opens an issue's timeline and the
 * league table. Run by {@code mvn verify -Pbrowser}; screenshots go to target/screenshots/board.
 */
@Tag("browser")
@AppTest
class BoardBrowserTest {

  @LocalServerPort int port;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  Tasklist browser;

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(Files.isExecutable(Tasklist.CHROMIUM) && Files.isExecutable(Tasklist.CHROMEDRIVER),
        "Chromium or ChromeDriver missing: apt-get install chromium chromium-driver (.ci/run does)");
    browser = new Tasklist("http://localhost:" + port, Path.of("target", "screenshots", "board"));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aProvincialSupervisorFiltersTheTimersAndDrillsIntoAnIssue() throws Exception {
    EscalationDriver issues = new EscalationDriver(filing, tasks, runtime, management);
    String land = issues.file("10507", "land", "NORMAL");
    String health = issues.file("10525", "health", "URGENT");
    String lamDong = issues.file("22918", "land", "NORMAL");

    browser.logIn(PROVINCE_SUPERVISOR, "demo");
    browser.driver().get("http://localhost:" + port + "/board/");
    browser.visible(By.cssSelector("#timer-rows tr"));
    assertThat(browser.visible(By.id("who")).getText()).contains(PROVINCE_SUPERVISOR, "Thành phố Hải Phòng");
    assertThat(rowNumbers()).contains(land, health).doesNotContain(lamDong);
    browser.screenshot("timers");

    new Select(browser.visible(By.name("field"))).selectByVisibleText("Đất đai");
    browser.click(By.cssSelector("#timer-filters button[type=submit]"));
    browser.waitUntil(d -> !rowNumbers().contains(health));
    assertThat(rowNumbers()).contains(land);
    browser.screenshot("filtered-by-field");

    browser.click(By.cssSelector("#timer-rows tr[data-number='" + land + "']"));
    WebElement detail = browser.visible(By.id("detail"));
    browser.waitUntil(d -> detail.getText().contains(land));
    assertThat(detail.getText()).contains("Xã báo cáo vướng mắc", "Sở Nông nghiệp và Môi trường Thành phố Hải Phòng",
        "Kết luận số 202-KL/TW", "Căn cứ: ", "Quy định của hệ thống: ");
    browser.screenshot("issue-timeline");
    browser.click(By.id("close-detail"));

    browser.click(By.cssSelector("#tabs button[data-tab=league]"));
    browser.waitUntil(d -> !d.findElements(By.cssSelector("#league-rows tr")).isEmpty());
    assertThat(browser.visible(By.id("league-rows")).getText()).contains("Sở Nông nghiệp và Môi trường Thành phố Hải Phòng");
    browser.screenshot("league");

    browser.click(By.cssSelector("#tabs button[data-tab=trend]"));
    browser.visible(By.cssSelector("#chart svg rect"));
    browser.screenshot("trend");
  }

  @Test
  void anIssueTitledWithHtmlIsShownAsLiteralText() throws Exception {
    String script = "<img src=x onerror=alert(1)>";
    String number = filing.file(new FilingRequest("10507", "land", script, "<b>không đậm</b>",
        "Đã gửi công văn.", null, "NORMAL"), EscalationDriver.THANH_DONG, null).number();

    browser.logIn(PROVINCE_SUPERVISOR, "demo");
    browser.driver().get("http://localhost:" + port + "/board/");
    browser.visible(By.cssSelector("#timer-rows tr"));
    browser.visible(By.name("unit")).sendKeys("province-31-agriculture-environment");
    browser.click(By.cssSelector("#timer-filters button[type=submit]"));
    browser.waitUntil(d -> rowNumbers().contains(number));
    browser.click(By.cssSelector("#timer-rows tr[data-number='" + number + "']"));
    WebElement title = browser.visible(By.id("detail-title"));
    browser.waitUntil(d -> title.getText().contains(number));

    assertThat(title.getText()).isEqualTo(number + " · " + script);
    assertThat(browser.driver().findElements(By.cssSelector("#detail img"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("img[src=x]"))).isEmpty();
    browser.screenshot("html-title-as-text");
  }

  private List<String> rowNumbers() {
    return browser.driver().findElements(By.cssSelector("#timer-rows tr")).stream()
        .map(row -> row.getDomAttribute("data-number")).toList();
  }
}
