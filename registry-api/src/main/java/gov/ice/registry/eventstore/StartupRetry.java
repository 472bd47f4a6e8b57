package gov.ice.registry.eventstore;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating the schema is the first use of the store. The pool's short connection timeout is
 * right for requests (a caller gets 503 within seconds), but at start a database that is still
 * coming up, or an H2 file opening on a busy machine, deserves a few more attempts.
 */
final class StartupRetry {

  private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);

  private StartupRetry() {}

  static void run(String what, Duration patience, Runnable action) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        action.run();
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log.warn("{} failed (attempt {}), retrying: {}", what, attempt, e.getMessage());
        pause(Duration.ofMillis(Math.min(2000, 250L * attempt)));
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ledger", e);
    }
  }
}
