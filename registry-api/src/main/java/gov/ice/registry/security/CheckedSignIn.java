package gov.ice.registry.security;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one password check of the registry, for HTTP Basic and the sign-in form alike: throttled
 * per username and client address (a throttled attempt is refused before its password is even
 * looked at; see {@link SignInThrottle}), with successful checks remembered briefly. Every
 * failure says the same thing, whether the user exists or not. Every attempt is a security
 * event on record ({@link SecurityEvents}).
 */
public final class CheckedSignIn implements ReactiveAuthenticationManager {

  static final String INVALID = "Invalid username or password";

  private final ReactiveUserDetailsService users;
  private final PasswordEncoder passwords;
  private final SignInThrottle throttle;
  private final PasswordCheckCache checks;
  private final SecurityEvents events;
  private final Supplier<String> unknownUserPassword;

  /** {@code unknownUserPassword}: a stored password no one knows, checked for a username that does not exist (null: none). */
  CheckedSignIn(ReactiveUserDetailsService users, PasswordEncoder passwords, SecurityProperties.SignIn limits, Clock clock,
      SecurityEvents events, Supplier<String> unknownUserPassword) {
    this.users = users;
    this.passwords = passwords;
    this.unknownUserPassword = unknownUserPassword;
    this.throttle = new SignInThrottle(limits, clock);
    this.checks = new PasswordCheckCache(limits.passwordCacheTtl(), clock);
    this.events = events;
  }

  /** As an authentication manager (HTTP Basic): the exchange comes from the context Spring Security keeps. */
  @Override
  public Mono<Authentication> authenticate(Authentication attempt) {
    return Mono.deferContextual(context -> signIn(attempt.getName(),
        attempt.getCredentials() == null ? "" : attempt.getCredentials().toString(),
        context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class).orElse(null)));
  }

  /** The sign-in form's check. Fails with {@link SignInThrottled} or {@link BadCredentialsException}. */
  public Mono<Authentication> signIn(String username, String password, ServerWebExchange exchange) {
    String name = username == null ? "" : username;
    String presented = password == null ? "" : password;
    String address = exchange == null ? "unknown" : clientAddress(exchange);
    return Mono.defer(() -> {
      SignInThrottle.Wait wait = throttle.waitFor(name, address);
      if (wait.refused()) {
        events.signIn(exchange, name, address, "throttled", throttledReason(wait), Map.of(
            "registry.throttle.basis", wait.basis().name(), "registry.throttle.failures", wait.failures(),
            "registry.throttle.retry_after_seconds", new SignInThrottled(wait.duration()).retryAfterSeconds()));
        return Mono.error(new SignInThrottled(wait.duration()));
      }
      return users.findByUsername(name)
          .map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .flatMap(user -> {
            if (user.isEmpty()) {
              return unknownUser(presented).then(Mono.defer(() -> failed(exchange, name, address, false, "unknown user")));
            }
            UserDetails found = user.get();
            return matches(name, presented, found).flatMap(ok -> {
              if (!ok) {
                return failed(exchange, name, address, true, "wrong password");
              }
              if (!(found.isEnabled() && found.isAccountNonLocked() && found.isAccountNonExpired() && found.isCredentialsNonExpired())) {
                return failed(exchange, name, address, true, "account disabled, locked or expired");
              }
              throttle.succeeded(name, address);
              events.signIn(exchange, name, address, "success", null, Map.of());
              return Mono.just(UsernamePasswordAuthenticationToken.authenticated(found, null, found.getAuthorities()));
            });
          });
    });
  }

  private Mono<Authentication> failed(ServerWebExchange exchange, String name, String address, boolean knownUser, String reason) {
    SignInThrottle.Wait next = throttle.failed(name, address, knownUser);
    Map<String, Object> more = next.refused()
        ? Map.of("registry.throttle.basis", next.basis().name(), "registry.throttle.failures", next.failures(),
            "registry.throttle.next_wait_seconds", new SignInThrottled(next.duration()).retryAfterSeconds())
        : Map.of();
    events.signIn(exchange, name, address, "failure", reason, more);
    return Mono.error(new BadCredentialsException(INVALID));
  }

  private static String throttledReason(SignInThrottle.Wait wait) {
    return wait.basis() == SignInThrottle.Basis.ADDRESS
        ? "too many failed sign-ins with unknown usernames from this address"
        : "too many failed sign-ins for this user from this address";
  }

  private Mono<Boolean> matches(String username, String presented, UserDetails user) {
    String stored = user.getPassword();
    if (stored == null) {
      return Mono.just(false);
    }
    if (checks.recentlyMatched(username, stored, presented)) {
      return Mono.just(true);
    }
    // bcrypt takes tens of milliseconds of CPU: never on the event loop.
    return Mono.fromCallable(() -> {
          boolean ok = passwords.matches(presented, stored);
          if (ok) {
            checks.matched(username, stored, presented);
          }
          return ok;
        })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * No account oracle: an unknown username costs the same password check as a known one (the
   * same encoder on a stored password of the same cost), so the time of a refusal does not tell
   * whether the user exists. The answer is empty whatever the check says.
   */
  private Mono<Void> unknownUser(String presented) {
    return Mono.fromRunnable(() -> {
          String stored = unknownUserPassword.get();
          if (stored != null) {
            passwords.matches(presented, stored);
          }
        })
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  /** The peer's address, or the client's as a trusted proxy gave it ({@code TrustedProxies} puts it there). */
  public static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
  }
}
