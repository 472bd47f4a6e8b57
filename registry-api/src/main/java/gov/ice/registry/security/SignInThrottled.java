package gov.ice.registry.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this user or from this address: answer 429 with {@code Retry-After}. */
public final class SignInThrottled extends AuthenticationException {

  private final Duration retryAfter;

  SignInThrottled(Duration retryAfter) {
    super("Too many failed sign-ins; try again later");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, at least 1: what the {@code Retry-After} header carries. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
