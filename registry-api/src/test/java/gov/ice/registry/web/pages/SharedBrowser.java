package gov.ice.registry.web.pages;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One browser for all the tests of a class, registered as a static extension: started on first
 * use, a screenshot under target/browser-failures when a test fails, closed after the class.
 * Starting Chromium costs seconds, so a class's tests share it and sign in as they need.
 */
final class SharedBrowser implements TestWatcher, AfterAllCallback {

  static final Path FAILURES = Path.of("target", "browser-failures");

  private Browser browser;

  /** The class's browser, on the registry at {@code port}. */
  synchronized Browser at(int port) throws IOException {
    if (browser == null) {
      browser = new Browser("http://localhost:" + port);
    }
    return browser;
  }

  @Override
  public synchronized void testFailed(ExtensionContext context, Throwable cause) {
    if (browser != null) {
      browser.screenshot(FAILURES.resolve(context.getRequiredTestMethod().getName() + ".png"));
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
