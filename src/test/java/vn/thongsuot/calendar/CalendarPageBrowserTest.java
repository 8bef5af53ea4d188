package vn.thongsuot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.PROVINCE_SUPERVISOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.thongsuot.AppTest;
import vn.thongsuot.escalation.EscalationDriver;
import vn.thongsuot.escalation.IssueFiling;
import vn.thongsuot.tasklist.Tasklist;

/**
 * Before Tết 2027 is announced, Hải Phòng's supervisor sees the provisional deadlines on the board
 * (banner and mark); the administrator loads the announcement on the calendar page, a broken
 * document is refused with its line, and the board's banner is gone once the recount has run.
 * Headless Chromium, {@code mvn verify -Pbrowser}; screenshots in target/screenshots/calendar.
 */
@Tag("browser")
@AppTest
class CalendarPageBrowserTest {

  @LocalServerPort int port;
  @Autowired IssueFiling filing;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CalendarVersions versions;
  @Autowired WorkingDayCalendar calendar;
  Tasklist browser;
  CalendarAdmin admin;

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(Files.isExecutable(Tasklist.CHROMIUM) && Files.isExecutable(Tasklist.CHROMEDRIVER),
        "Chromium or ChromeDriver missing: apt-get install chromium chromium-driver (.ci/run does)");
    browser = new Tasklist("http://localhost:" + port, Path.of("target", "screenshots", "calendar"));
    admin = new CalendarAdmin(versions, calendar, runtime, management);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (admin != null) {
      admin.restoreShipped();
    }
    ClockUtil.reset();
  }

  @Test
  void theAdministratorLoadsTheTetAnnouncementAndTheProvisionalBannerGoes() throws Exception {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 1, 28, 9, 0, 0, 0, WorkingDayCalendar.VIETNAM)
        .toInstant()));
    String number = new EscalationDriver(filing, tasks, runtime, management).file("finance-budget", "NORMAL");

    browser.logIn(PROVINCE_SUPERVISOR, DEMO_PASSWORD);
    browser.driver().get("http://localhost:" + port + "/board/");
    WebElement banner = browser.visible(By.id("provisional-banner"));
    assertThat(banner.getText()).contains("tạm tính theo Bộ luật Lao động, chờ thông báo nghỉ Tết chính thức",
        "quy ước của hệ thống Thông suốt");
    browser.visible(By.name("unit")).sendKeys("province-31-finance");
    browser.click(By.cssSelector("#timer-filters button[type=submit]"));
    browser.waitUntil(d -> !d.findElements(By.cssSelector("#timer-rows tr[data-number='" + number + "']")).isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector("#timer-rows tr[data-number='" + number + "']")).getText())
        .contains("17:00 ngày 15/02/2027", "Tạm tính");
    browser.screenshot("board-provisional");

    browser.logIn("demo", "demo");
    browser.driver().get("http://localhost:" + port + "/board/calendar.html");
    browser.visible(By.cssSelector("#years tr"));
    browser.waitUntil(d -> d.findElement(By.id("years")).getText().contains("2027"));
    assertThat(browser.driver().findElement(By.id("years")).getText()).contains("Chưa có");
    WebElement content = browser.visible(By.cssSelector("#load [name=content]"));
    browser.waitUntil(d -> !content.getDomProperty("value").isBlank());
    browser.screenshot("calendar-page");

    // A broken document: refused with its line, nothing loaded.
    content.clear();
    content.sendKeys("years:\n  2027:\n    teet: {}\n");
    browser.visible(By.cssSelector("#load [name=source]")).sendKeys("thử: sai khóa");
    browser.click(By.cssSelector("#load button[type=submit]"));
    browser.waitUntil(d -> d.findElement(By.id("load-message")).getText().contains("line 3"));
    assertThat(browser.driver().findElement(By.id("load-message")).getText()).contains("không có gì được thay đổi");
    browser.screenshot("refused");

    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('#load [name=content]').value = arguments[0];",
        CalendarAdmin.shippedWith(CalendarAdmin.TET_2027));
    WebElement source = browser.visible(By.cssSelector("#load [name=source]"));
    source.clear();
    source.sendKeys("thử: thông báo nghỉ Tết Đinh Mùi 2027");
    browser.click(By.cssSelector("#load button[type=submit]"));
    browser.waitUntil(d -> d.findElement(By.id("load-message")).getText().startsWith("Đã nạp phiên bản"));
    assertThat(browser.driver().findElement(By.id("load-changes")).getText())
        .contains("04/02/2027 (Thứ Năm): ngày làm việc → Tết Nguyên đán");
    browser.waitUntil(d -> d.findElement(By.id("versions")).getText().contains("thử: thông báo nghỉ Tết Đinh Mùi 2027"));
    browser.screenshot("loaded");

    admin.recount(calendar.version());
    browser.logIn(PROVINCE_SUPERVISOR, DEMO_PASSWORD);
    browser.driver().get("http://localhost:" + port + "/board/");
    browser.visible(By.cssSelector("#timer-rows tr"));
    browser.visible(By.name("unit")).sendKeys("province-31-finance");
    browser.click(By.cssSelector("#timer-filters button[type=submit]"));
    browser.waitUntil(d -> !d.findElements(By.cssSelector("#timer-rows tr[data-number='" + number + "']")).isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector("#timer-rows tr[data-number='" + number + "']")).getText())
        .contains("17:00 ngày 17/02/2027").doesNotContain("Tạm tính");
    browser.screenshot("board-final");
  }
}
