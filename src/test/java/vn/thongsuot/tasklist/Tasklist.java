package vn.thongsuot.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as an official uses it, in the Debian Chromium (headless, Vietnamese browser
 * language). Finds things by what the official reads (filter names, task names, field labels),
 * waits explicitly for what the page shows, and keeps a numbered screenshot of every step.
 */
public final class Tasklist implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Generous: CI machines are shared, and a cold Tasklist page loads a few megabytes of scripts. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String baseUrl;
  private final Path screenshots;
  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private int step;

  public Tasklist(String baseUrl, Path screenshots) throws IOException {
    this.baseUrl = baseUrl;
    this.screenshots = Files.createDirectories(screenshots);
    try (var old = Files.list(screenshots)) {
      // Only this run's own files: other browser tests keep theirs in sub-folders.
      for (Path file : old.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    this.profile = Files.createTempDirectory("thongsuot-chromium-");
    // The system driver, given explicitly: Selenium Manager must not download one.
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=1400,1000", "--lang=vi");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi,en"));
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, PATIENCE);
  }

  public WebDriver driver() {
    return driver;
  }

  /** A fresh session: the previous official's cookies and stored Tasklist state are gone. */
  public void logIn(String user, String password) {
    if (driver.getCurrentUrl().startsWith(baseUrl)) {
      ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }
    driver.manage().deleteAllCookies();
    // A blank page first, so Tasklist loads afresh instead of changing only its #fragment.
    driver.get("about:blank");
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
    By nameField = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    By passwordField = By.cssSelector("form[name=signinForm] input[ng-model=password]");
    visible(nameField);
    // The login page focuses its first field once it has rendered; type again until both fields
    // hold what was typed, so keys never land in the wrong field.
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement name = d.findElement(nameField);
      WebElement secret = d.findElement(passwordField);
      name.clear();
      name.sendKeys(user);
      secret.clear();
      secret.sendKeys(password);
      return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
    });
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    visible(By.cssSelector("[cam-tasklist-filters] .task-filter, .filters .task-filter"));
  }

  void openFilter(String name) {
    click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='"
        + name + "' or starts-with(normalize-space(.),'" + name + "')]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//*[contains(@class,'task-filter') and contains(@class,'active')]//h4[contains(@class,'name')]"
            + "/a[starts-with(normalize-space(.),'" + name + "')]")));
  }

  /**
   * Task names in the list of the open filter, once the list shows as many tasks as the filter's
   * counter says (so a list still showing the previous filter is not read).
   */
  List<String> taskNames() {
    By names = By.cssSelector(".tasks-list h4.task a");
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> counters = d.findElements(By.xpath(
          "//*[contains(@class,'task-filter') and contains(@class,'active')]//*[contains(@class,'counter')]"));
      if (counters.isEmpty() || !counters.get(0).getText().matches("\\D*\\d+\\D*")) {
        return false;
      }
      int count = Integer.parseInt(counters.get(0).getText().replaceAll("\\D", ""));
      return d.findElements(names).size() == count;
    });
    return driver.findElements(names).stream().map(e -> e.getText().trim()).toList();
  }

  void openTask(String name) {
    click(By.xpath("//*[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(.)='"
        + name + "']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), name));
  }

  void claim() {
    click(By.cssSelector("button.claim"));
    visible(By.cssSelector("button.unclaim"));
  }

  void startProcess(String processName) {
    click(By.xpath("//a[@ng-click='open()' and .//span[contains(@class,'glyphicon-list-alt')]]"));
    click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + processName + "']"));
    visible(By.cssSelector(".modal .fjs-form"));
  }

  /** The input a form-js label points to. */
  WebElement field(String label) {
    WebElement labelElement = visible(By.xpath(
        "//label[contains(@class,'fjs-form-field-label') and starts-with(normalize-space(.),'" + label + "')]"));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** The value of the form field with this label, read-only fields included. */
  String value(String label) {
    return field(label).getDomProperty("value");
  }

  /** Brings the field with this label into view, e.g. before a screenshot. */
  void scrollTo(String label) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'start'})",
        driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label') and starts-with(normalize-space(.),'"
            + label + "')]")));
  }

  /** The whole entry of a task in the list: name, process, assignee and the due and follow-up badges. */
  String taskListEntry(String name) {
    return visible(By.xpath("//*[contains(@class,'tasks-list')]//li[.//h4[contains(@class,'task')]/a[normalize-space(.)='"
        + name + "']]")).getText();
  }

  /** The validation message form-js shows under the field with this label. */
  String fieldError(String label) {
    String id = field(label).getAttribute("id");
    return visible(By.id(id + "-error-message")).getText().trim();
  }

  void type(String label, String text) {
    WebElement input = field(label);
    input.clear();
    input.sendKeys(text);
  }

  void choose(String optionLabel) {
    click(By.xpath("//label[contains(@class,'fjs-form-field-label') and normalize-space(.)='" + optionLabel + "']"
        + "/input[@type='radio'] | //label[normalize-space(.)='" + optionLabel + "']//input[@type='radio']"));
  }

  /** form-js "select": a searchable dropdown, not a native select. */
  void select(String label, String optionLabel) {
    click(By.id(field(label).getAttribute("id") + "-display"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + optionLabel + "']"));
  }

  void submitStartForm() {
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"));
  }

  /** Closes the notifications in the corner; they lie over the form's buttons. */
  void dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
  }

  void complete() {
    click(By.xpath("//button[@ng-click='complete()']"));
  }

  /** The notification Tasklist shows after an action (a refused answer, say) that contains this text. */
  String notification(String containing) {
    return visible(By.xpath("//*[contains(concat(' ',@class,' '),' alert ') and .//*[contains(@class,'message')"
        + " and contains(normalize-space(.),'" + containing + "')]]")).getText();
  }

  /** The red notification holding {@code containing}, and whether all of it is inside the window. */
  boolean notificationInView(String containing) {
    WebElement alert = visible(By.xpath("//*[contains(concat(' ',@class,' '),' alert ') and .//*[contains(@class,'message')"
        + " and contains(normalize-space(.),'" + containing + "')]]"));
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("const r = arguments[0].getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= window.innerHeight;", alert));
  }

  /** How many error notifications are shown. */
  long errorNotifications() {
    return driver.findElements(By.cssSelector(".notifications .alert-danger")).stream().filter(WebElement::isDisplayed).count();
  }

  /** What Thông suốt's confirmation of a filing says (scripts/thongsuot.js). */
  String filedConfirmation() {
    return visible(By.id("ts-filed")).getText();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    wait.until(condition::apply);
  }

  public void click(By by) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
          if (element == null) {
            return false;
          }
          ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
          try {
            element.click();
            return true;
          } catch (ElementClickInterceptedException e) {
            // A tooltip of the element the mouse rests on (a filter's description) lies over it:
            // move the mouse away and try again.
            new Actions(d).moveToLocation(0, 0).perform();
            return false;
          }
        });
  }

  /** target/screenshots/NN-name.png */
  public Path screenshot(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(screenshots.resolve(String.format("%02d-%s.html", step, name)), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
