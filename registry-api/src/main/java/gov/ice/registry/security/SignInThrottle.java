package gov.ice.registry.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * Slows password guessing down without letting anyone lock a user out (OWASP's authentication
 * cheat sheet, NIST SP 800-53 AC-7). Failures are counted per username and client address
 * pair, and per address for usernames that do not exist: guessing at a name from one address
 * slows down that address only, so the user signing in from anywhere else is never refused.
 * Past the free failures each further failure doubles the wait before the next attempt, from
 * {@code firstDelay} up to {@code maxDelay}: a slip of the fingers costs a second, a guessing
 * script minutes. An attempt made while waiting is refused without being counted, so a
 * refused attempt never lengthens the wait. A success clears its pair, not its address: a
 * client holding one valid account must not reset its budget for guessing at names. Counters
 * live in memory, per instance, bounded and forgotten {@code window} after their last failure.
 */
final class SignInThrottle {

  /** Tracked pairs and addresses at most: the least used go first beyond that. */
  private static final long MAX_TRACKED = 100_000;

  private record Pair(String username, String address) {}

  private record Failures(int count, Instant last) {}

  /** Why an attempt must wait: its own pair's failures, or its address's failures with unknown usernames. */
  enum Basis { USER_AND_ADDRESS, ADDRESS }

  /** How long an attempt must still wait, and why; {@link #NONE} when it may try now. */
  record Wait(Duration duration, Basis basis, int failures) {
    static final Wait NONE = new Wait(Duration.ZERO, null, 0);

    boolean refused() {
      return !duration.isZero();
    }
  }

  private final Cache<Pair, Failures> byPair;
  private final Cache<String, Failures> byAddress;
  private final SecurityProperties.SignIn limits;
  private final Clock clock;

  SignInThrottle(SecurityProperties.SignIn limits, Clock clock) {
    this(limits, clock, Runnable::run);
  }

  SignInThrottle(SecurityProperties.SignIn limits, Clock clock, Executor maintenance) {
    this.limits = limits;
    this.clock = clock;
    // The clock drives expiry too, so a test that moves the clock sees entries expire.
    Ticker ticker = () -> Duration.between(Instant.EPOCH, clock.instant()).toNanos();
    this.byPair = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(limits.window())
        .ticker(ticker).executor(maintenance).build();
    this.byAddress = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(limits.window())
        .ticker(ticker).executor(maintenance).build();
  }

  /** The longer of the pair's and the address's waits. */
  Wait waitFor(String username, String address) {
    Instant now = clock.instant();
    Wait pair = remaining(byPair.getIfPresent(new Pair(username, address)), limits.maxFailuresPerUser(), Basis.USER_AND_ADDRESS, now);
    Wait client = remaining(byAddress.getIfPresent(address), limits.maxFailuresPerAddress(), Basis.ADDRESS, now);
    return pair.duration().compareTo(client.duration()) >= 0 ? pair : client;
  }

  /**
   * Counts a failure: for its pair, and, when no such user exists, for its address.
   *
   * @return the wait the next attempt of this pair now faces
   */
  Wait failed(String username, String address, boolean knownUser) {
    Instant now = clock.instant();
    byPair.asMap().merge(new Pair(username, address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    if (!knownUser) {
      byAddress.asMap().merge(address, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }
    return waitFor(username, address);
  }

  void succeeded(String username, String address) {
    byPair.invalidate(new Pair(username, address));
  }

  private Wait remaining(Failures failures, int free, Basis basis, Instant now) {
    if (failures == null || failures.count() < free) {
      return Wait.NONE;
    }
    Duration wait = delayAfter(failures.count() - free);
    Duration left = Duration.between(now, failures.last().plus(wait));
    return left.isNegative() || left.isZero() ? Wait.NONE : new Wait(left, basis, failures.count());
  }

  /** {@code firstDelay} doubled for each failure past the free ones, at most {@code maxDelay}. */
  Duration delayAfter(int extraFailures) {
    Duration max = limits.lockout();
    Duration delay = limits.firstDelay();
    for (int i = 0; i < extraFailures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
