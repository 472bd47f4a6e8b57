package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver: a fresh profile, no network beyond the
 * registry on loopback. Every page it opens is checked with axe-core (from its WebJar, injected
 * into the page) for serious or critical WCAG 2.1 A/AA violations.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  private static final String AXE = axeSource();

  final ChromeDriver driver;
  final String base;
  private final Path profile;
  private final boolean javascript;

  Browser(String base) throws IOException {
    this(base, true);
  }

  /**
   * {@code javascript} false: the page's scripts are off (Chromium's content setting), as for a
   * reader who turned them off. axe-core cannot run in such a page; the same pages are checked
   * with scripts on.
   */
  Browser(String base, boolean javascript) throws IOException {
    this.base = base;
    this.javascript = javascript;
    this.profile = Files.createTempDirectory("registry-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=1280,1000");
    if (!javascript) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
  }


  void open(String path) {
    driver.get(base + path);
    checkAccessibility();
  }

  void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor(() -> !driver.getCurrentUrl().contains("/login"));
    checkAccessibility();
  }

  void signOut() {
    driver.findElement(By.cssSelector("form.signout button")).click();
    waitFor(() -> driver.getCurrentUrl().contains("/login"));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Sets a field by script: date inputs take keys in the browser's locale order, a script does not. */
  void set(String id, String value) {
    ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }

  void select(String id, String value) {
    new Select(driver.findElement(By.id(id))).selectByValue(value);
  }

  /** Ticks a box as a person does: USWDS draws the box on the label and keeps the input out of sight. */
  void check(String id) {
    WebElement box = driver.findElement(By.id(id));
    if (!box.isSelected()) {
      (box.isDisplayed() ? box : driver.findElement(By.cssSelector("label[for='" + id + "']"))).click();
    }
  }

  /** Submits with the button and waits for the next page, then checks that page too. */
  void submit(String buttonId) {
    WebElement button = driver.findElement(By.id(buttonId));
    if (!javascript) {
      button.click();
      new WebDriverWait(driver, Duration.ofSeconds(120)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
      return;
    }
    String before = (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.outerHTML.length + ':' + location.href;");
    button.click();
    waitFor(() -> {
      try {
        return !before.equals(((JavascriptExecutor) driver).executeScript("return document.documentElement.outerHTML.length + ':' + location.href;"))
            && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
      } catch (RuntimeException stale) {
        return false;
      }
    });
    checkAccessibility();
  }

  /** What the page's own session fetches at {@code path}: a download as the signed-in user gets it. */
  String fetch(String path) {
    Object text = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done(r.status + '\\n' + r.headers.get('content-type') + '\\n' + t)))"
            + ".catch(e => done('error ' + e));", path);
    return text.toString();
  }

  void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> condition.getAsBoolean());
  }

  /** axe-core over the whole page: no serious or critical WCAG 2.1 A/AA violation. */
  void checkAccessibility() {
    if (!javascript) {
      return;
    }
    JavascriptExecutor js = driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    js.executeScript(AXE);
    Object violations = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<?>) violations).as("accessibility of " + driver.getCurrentUrl()).isEmpty();
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      System.err.println("No screenshot " + file + ": " + e);
    }
  }

  void narrow() {
    driver.manage().window().setSize(new Dimension(360, 800));
  }

  void wide() {
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary profile is harmless.
    }
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe-core WebJar missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
