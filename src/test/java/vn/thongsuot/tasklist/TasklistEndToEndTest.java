package vn.thongsuot.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.thongsuot.DemoAccounts.DEMO_PASSWORD;
import static vn.thongsuot.DemoAccounts.FINANCE_DEPARTMENT;
import static vn.thongsuot.DemoAccounts.FINANCE_MINISTRY;
import static vn.thongsuot.DemoAccounts.HAI_DUONG;
import static vn.thongsuot.DemoAccounts.PROVINCIAL_COMMITTEE;
import static vn.thongsuot.DemoAccounts.THANH_DONG;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thongsuot.AppTest;

/**
 * The ladder as officials walk it in Camunda Tasklist, in a real (headless) Chromium: the commune
 * files from the start form, the Sở Tài chính asks for more information, the commune supplies it,
 * the Sở answers, the commune says the obstacle remains, the city's People's Committee refers it to
 * the ministry, and the ministry reads the whole timeline on its form. Run with
 * {@code mvn verify -Pbrowser}; screenshots of every step go to target/screenshots.
 */
@Tag("browser")
@AppTest
class TasklistEndToEndTest {


  static final String PROCESS = "Tháo gỡ vướng mắc của cấp xã";
  static final String MY_UNIT = "Việc của đơn vị tôi";
  static final String[] FILTERS = {MY_UNIT, "Sắp đến hạn", "Quá hạn", "Được chuyển lên"};

  static final String TITLE = "Chưa rõ thẩm quyền quản lý trụ sở UBND phường cũ sau sáp nhập";
  static final String INFO_REQUEST = "Đề nghị phường gửi danh mục tài sản và quyết định giao trụ sở.";
  static final String SUPPLIED = "Đã gửi danh mục 14 tài sản và Quyết định 215/QĐ-UBND ngày 03/7/2025.";
  static final String GUIDANCE = "Phường lập phương án sắp xếp theo Nghị định 186/2025/NĐ-CP, trình UBND thành phố.";
  static final String NOT_REMOVED = "Nghị định 186 chưa quy định trụ sở dôi dư của phường sáp nhập.";
  static final String REFERRAL = "Kiến nghị Bộ Tài chính hướng dẫn xử lý trụ sở dôi dư sau sáp nhập.";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  Tasklist tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    assumeTrue(Files.isExecutable(Tasklist.CHROMIUM) && Files.isExecutable(Tasklist.CHROMEDRIVER),
        "Chromium or ChromeDriver missing: apt-get install chromium chromium-driver (.ci/run does)");
    tasklist = new Tasklist("http://localhost:" + port, Path.of("target", "screenshots"));
  }

  @AfterEach
  void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void officialsWalkAnIssueFromCommuneToMinistryInTasklist() {
    try {
      walkTheLadder();
    } catch (RuntimeException | AssertionError e) {
      tasklist.screenshot("failure");
      throw e;
    }
  }

  private void walkTheLadder() {
    int issuesBefore = issueCount();

    // The commune official files the obstacle from the start form; first without its content.
    tasklist.logIn(THANH_DONG, DEMO_PASSWORD);
    tasklist.screenshot("commune-tasklist");
    tasklist.visible(By.linkText("Hồ sơ của đơn vị"));
    tasklist.startProcess(PROCESS);
    tasklist.type("Mã đơn vị cấp xã", "10507");
    tasklist.select("Lĩnh vực", "Trụ sở, tài sản công");
    tasklist.type("Tiêu đề vướng mắc", TITLE);
    tasklist.type("Xã đã làm gì để tháo gỡ", "Đã rà soát hiện trạng, gửi Công văn 45/UBND ngày 15/8/2025 hỏi Sở Tài chính.");
    tasklist.submitStartForm();
    tasklist.waitUntil(d -> tasklist.fieldError("Nội dung vướng mắc").equals("Trường này bắt buộc, không được để trống."));
    tasklist.screenshot("start-form-required-field-empty");
    assertThat(issueCount()).as("an incomplete filing creates no issue").isEqualTo(issuesBefore);

    tasklist.type("Nội dung vướng mắc", "Sau sáp nhập, trụ sở UBND phường cũ không còn sử dụng; "
        + "chưa rõ phường hay thành phố quản lý, xử lý tài sản.");
    tasklist.screenshot("start-form-filled");
    tasklist.submitStartForm();
    tasklist.waitUntil(d -> issueCount() == issuesBefore + 1);
    String number = jdbc.queryForObject(
        "select issue_number from ts_issue where title = ?", String.class, TITLE);
    tasklist.screenshot("issue-filed");
    // The confirmation names the number and links to the issue under "Hồ sơ của đơn vị".
    assertThat(tasklist.filedConfirmation()).contains("Đã gửi hồ sơ vướng mắc số " + number);
    tasklist.click(By.cssSelector("#ts-filed a"));
    tasklist.visible(By.xpath("//table//a[normalize-space(.)='" + number + "']"));
    tasklist.waitUntil(d -> d.findElement(By.id("detail-title")).getText().startsWith(number));
    assertThat(tasklist.visible(By.id("timeline")).getText()).contains("Xã báo cáo vướng mắc");
    assertThat(tasklist.visible(By.id("detail-current")).getText()).contains("Sở Tài chính", "ngày làm việc");
    assertThat(tasklist.currentUrl()).endsWith("/unit-issues/index.html#" + number);
    tasklist.screenshot("unit-issues-after-filing");

    // The Sở Tài chính finds it in its unit's filter, claims it and asks for more information.
    String departmentTask = number + " · Phường Thành Đông · Sở Tài chính hướng dẫn";
    tasklist.logIn(FINANCE_DEPARTMENT, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    assertThat(tasklist.taskNames()).contains(departmentTask);
    // Due and follow-up dates are set, so Tasklist shows both badges ("Hạn …", "Nhắc hạn …").
    assertThat(tasklist.taskListEntry(departmentTask)).contains("Hạn ", "Nhắc hạn ");
    // Due in 7 working days: neither overdue nor due within the next 2 days.
    tasklist.openFilter("Quá hạn");
    assertThat(tasklist.taskNames()).doesNotContain(departmentTask);
    tasklist.openFilter("Sắp đến hạn");
    assertThat(tasklist.taskNames()).doesNotContain(departmentTask);
    tasklist.openFilter(MY_UNIT);
    tasklist.openTask(departmentTask);
    tasklist.claim();
    assertThat(tasklist.value("Vướng mắc")).contains(TITLE);
    assertThat(tasklist.value("Thời hạn trả lời")).contains("ngày làm việc");
    // What the law says and what this system sets, apart, and no internal names.
    assertThat(tasklist.value("Căn cứ")).contains("Căn cứ: Kết luận số 202-KL/TW", "Quy định của hệ thống: ",
        "Thời hạn 7 ngày làm việc").doesNotContain("LevelDeadline");
    tasklist.screenshot("department-task");
    tasklist.choose("Cần xã bổ sung thông tin (thời hạn của đơn vị tạm dừng trong khi chờ)");
    tasklist.type("Nội dung hướng dẫn / thông tin cần bổ sung", INFO_REQUEST);
    tasklist.screenshot("department-asks-more-information");
    tasklist.complete();
    tasklist.waitUntil(d -> openTaskCount(number, "province-31-finance") == 0);

    // A second commune's official sees nothing of it, in any filter.
    tasklist.logIn(HAI_DUONG, DEMO_PASSWORD);
    for (String filter : FILTERS) {
      tasklist.openFilter(filter);
      assertThat(tasklist.taskNames()).as("%s sees in %s", HAI_DUONG, filter)
          .noneMatch(name -> name.contains(number));
    }
    tasklist.screenshot("other-commune-sees-nothing");

    // The commune supplies the information.
    String supplyTask = number + " · Phường Thành Đông · Xã bổ sung thông tin";
    tasklist.logIn(THANH_DONG, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    assertThat(tasklist.taskNames()).contains(supplyTask);
    tasklist.openTask(supplyTask);
    tasklist.claim();
    assertThat(tasklist.value("Thông tin cần bổ sung")).isEqualTo(INFO_REQUEST);
    assertThat(tasklist.value("Căn cứ")).isNotBlank();
    tasklist.type("Thông tin bổ sung", SUPPLIED);
    tasklist.screenshot("commune-supplies-information");
    tasklist.complete();
    tasklist.waitUntil(d -> openTaskCount(number, "commune-10507") == 0);

    // The Sở answers.
    tasklist.logIn(FINANCE_DEPARTMENT, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    assertThat(tasklist.taskNames()).contains(departmentTask);
    tasklist.openTask(departmentTask);
    tasklist.claim();
    assertThat(tasklist.value("Diễn biến xử lý")).contains(SUPPLIED);
    tasklist.choose("Đã hướng dẫn tháo gỡ");
    tasklist.type("Nội dung hướng dẫn / thông tin cần bổ sung", GUIDANCE);
    tasklist.screenshot("department-gives-guidance");
    tasklist.complete();
    tasklist.waitUntil(d -> openTaskCount(number, "province-31-finance") == 0);

    // The commune says the obstacle remains.
    String assessTask = number + " · Phường Thành Đông · Xã đánh giá ý kiến trả lời";
    tasklist.logIn(THANH_DONG, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    tasklist.openTask(assessTask);
    tasklist.claim();
    assertThat(tasklist.value("Ý kiến trả lời")).isEqualTo(GUIDANCE);
    assertThat(tasklist.value("Căn cứ")).isNotBlank();
    // "Not removed" needs the commune's reason: the form cannot require it only then, the server does.
    tasklist.choose("Chưa tháo gỡ được: kiến nghị cấp trên");
    tasklist.complete();
    assertThat(tasklist.notification("Nhận xét của xã"))
        .contains("Có lỗi khi gửi biểu mẫu", "Nhận xét của xã (vì sao chưa tháo gỡ được) không được để trống");
    assertThat(tasklist.notification("Nhận xét của xã")).doesNotContain("Cannot", "task form");
    assertThat(tasklist.notificationInView("Nhận xét của xã")).as("the refusal is in view").isTrue();
    assertThat(tasklist.errorNotifications()).isEqualTo(1);
    tasklist.screenshot("server-refuses-assessment-without-reason");
    tasklist.dismissNotifications();
    assertThat(openTaskCount(number, "commune-10507")).as("the refused answer leaves the task open").isEqualTo(1);
    tasklist.type("Nhận xét của xã", NOT_REMOVED);
    tasklist.screenshot("commune-not-removed");
    tasklist.complete();
    tasklist.waitUntil(d -> openTaskCount(number, "commune-10507") == 0);

    // The city's People's Committee refers it to the ministry.
    tasklist.logIn(PROVINCIAL_COMMITTEE, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    String committeeTask = tasklist.taskNames().stream().filter(n -> n.startsWith(number)).findFirst()
        .orElseThrow(() -> new AssertionError("the committee's list has no task of " + number));
    assertThat(committeeTask).startsWith(number + " · Phường Thành Đông · UBND");
    tasklist.openTask(committeeTask);
    tasklist.claim();
    tasklist.choose("Kiến nghị bộ quản lý ngành");
    tasklist.type("Nội dung quyết định / kiến nghị", REFERRAL);
    tasklist.screenshot("committee-refers-to-ministry");
    tasklist.complete();
    tasklist.waitUntil(d -> openTaskCount(number, "province-31-committee") == 0);

    // The ministry reads the whole way up on its form.
    tasklist.logIn(FINANCE_MINISTRY, DEMO_PASSWORD);
    tasklist.openFilter(MY_UNIT);
    String ministryTask = number + " · Phường Thành Đông · Bộ Tài chính xử lý";
    assertThat(tasklist.taskNames()).contains(ministryTask);
    tasklist.openTask(ministryTask);
    assertThat(tasklist.value("Vướng mắc")).contains(TITLE);
    assertThat(tasklist.value("Căn cứ")).contains("Kết luận số 202-KL/TW");
    assertThat(tasklist.value("Diễn biến xử lý")).as("the timeline on the ministry's form")
        .contains("Xã báo cáo vướng mắc", INFO_REQUEST, SUPPLIED, GUIDANCE, NOT_REMOVED, REFERRAL,
            "Sở Tài chính Thành phố Hải Phòng", "UBND Phường Thành Đông");
    tasklist.scrollTo("Căn cứ");
    tasklist.screenshot("ministry-timeline");
  }

  private int issueCount() {
    return jdbc.queryForObject("select count(*) from ts_issue", Integer.class);
  }

  private long openTaskCount(String number, String group) {
    return jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_ "
        + "where l.group_id_ = ? and t.name_ like ?", Long.class, group, number + "%");
  }
}
