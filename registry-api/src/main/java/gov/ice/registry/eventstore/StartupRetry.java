package gov.ice.registry.eventstore;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creating the schema is the first use of the store. The pool's short connection timeout is
 * right for requests (a caller gets 503 within seconds), but at start a database that is still
 * coming up, or an H2 file opening on a busy machine, deserves a few more attempts: Reactor's
 * back-off (from 250 ms, at most 2 s apart) until {@code patience} has passed.
 */
final class StartupRetry {

  private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);

  private static final Duration FIRST_WAIT = Duration.ofMillis(250);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

  private StartupRetry() {}

  static void run(String what, Duration patience, Runnable action) {
    long deadline = System.nanoTime() + patience.toNanos();
    Mono.fromRunnable(action)
        .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_WAIT).maxBackoff(LONGEST_WAIT)
            .filter(e -> e instanceof RuntimeException && System.nanoTime() <= deadline)
            .doBeforeRetry(signal -> log.warn("{} failed (attempt {}), retrying: {}", what, signal.totalRetries() + 1,
                signal.failure().getMessage()))
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .block();
  }
}
