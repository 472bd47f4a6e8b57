package gov.ice.registry.notice;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The notice job and its webhooks ({@code registry.notices.*}).
 *
 * @param cron when the job runs (Spring cron, in the registry's zone); {@code -} switches it off
 * @param webhooks URLs every recorded notice is POSTed to as JSON; none by default
 * @param webhookMaxAttempts attempts per notice and URL before the delivery is given up
 * @param webhookInitialBackoff the wait after the first failed attempt; it doubles after each failure
 * @param webhookMaxBackoff the longest wait between two attempts
 * @param webhookTimeout how long one attempt may take
 */
@ConfigurationProperties("registry.notices")
public record NoticeProperties(
    String cron,
    List<URI> webhooks,
    Integer webhookMaxAttempts,
    Duration webhookInitialBackoff,
    Duration webhookMaxBackoff,
    Duration webhookTimeout) {

  public static final String DEFAULT_CRON = "0 0 6 * * *";

  public NoticeProperties {
    cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron;
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    webhookMaxAttempts = webhookMaxAttempts == null ? 8 : webhookMaxAttempts;
    webhookInitialBackoff = webhookInitialBackoff == null ? Duration.ofSeconds(5) : webhookInitialBackoff;
    webhookMaxBackoff = webhookMaxBackoff == null ? Duration.ofHours(1) : webhookMaxBackoff;
    webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
  }

  public static NoticeProperties defaults() {
    return new NoticeProperties(null, null, null, null, null, null);
  }

  /**
   * The webhooks' back-off: {@code webhookInitialBackoff} after the first failure, doubling after
   * each one, never longer than {@code webhookMaxBackoff}. A library's policy, Spring's
   * {@link ExponentialBackOff}, and not Reactor's {@code Retry.backoff} (which {@link NoticeCommands}
   * uses for its retries inside one send): a webhook's next attempt is stored with its outbox entry
   * and made by whichever instance polls next, possibly after a restart, so the wait is asked of a
   * policy after n failures instead of being waited out inside one subscription.
   */
  public ExponentialBackOff webhookBackOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(webhookInitialBackoff.toMillis(), 2);
    backOff.setMaxInterval(webhookMaxBackoff.toMillis());
    return backOff;
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones (1 or more): {@link #webhookBackOff()}'s. */
  public Duration backoffAfter(int attempt) {
    BackOffExecution execution = webhookBackOff().start();
    long wait = execution.nextBackOff();
    for (int failed = 1; failed < attempt; failed++) {
      wait = execution.nextBackOff();
    }
    return Duration.ofMillis(wait);
  }
}
