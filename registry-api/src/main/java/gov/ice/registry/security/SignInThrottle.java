package gov.ice.registry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per client address. Per user, so that one account
 * cannot be guessed from many addresses; per address, so that one client cannot try one
 * password against many accounts. A success clears the user's count, not the address's: a
 * client holding one valid account must not reset its own budget for guessing the others.
 * In memory, per instance: behind a load balancer each instance counts for itself.
 */
final class SignInThrottle {

  /** Past this many tracked keys, entries whose window and lockout are over are dropped. */
  private static final int PURGE_ABOVE = 10_000;

  private record Failures(int count, Instant windowStart, Instant lockedUntil) {}

  private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final SecurityProperties.SignIn limits;
  private final Clock clock;

  SignInThrottle(SecurityProperties.SignIn limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** How long this user or address must still wait; zero when it may try now. */
  Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration user = remaining(byUser.get(username), now);
    Duration client = remaining(byAddress.get(address), now);
    return user.compareTo(client) >= 0 ? user : client;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    count(byUser, username, limits.maxFailuresPerUser(), now);
    count(byAddress, address, limits.maxFailuresPerAddress(), now);
  }

  void succeeded(String username) {
    byUser.remove(username);
  }

  private void count(Map<String, Failures> counts, String key, int max, Instant now) {
    counts.compute(key, (k, previous) -> {
      Failures current = previous == null || now.isAfter(previous.windowStart().plus(limits.window()))
          && !locked(previous, now) ? new Failures(0, now, null) : previous;
      int count = current.count() + 1;
      return new Failures(count, current.windowStart(), count >= max ? now.plus(limits.lockout()) : current.lockedUntil());
    });
    if (counts.size() > PURGE_ABOVE) {
      counts.values().removeIf(f -> !locked(f, now) && now.isAfter(f.windowStart().plus(limits.window())));
    }
  }

  private static boolean locked(Failures failures, Instant now) {
    return failures.lockedUntil() != null && now.isBefore(failures.lockedUntil());
  }

  private static Duration remaining(Failures failures, Instant now) {
    return failures != null && locked(failures, now) ? Duration.between(now, failures.lockedUntil()) : Duration.ZERO;
  }
}
