package gov.ice.registry.security;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
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
 * per user and per client address (a throttled attempt is refused before its password is even
 * looked at), with successful checks remembered briefly. Every failure says the same thing,
 * whether the user exists or not.
 */
public final class CheckedSignIn implements ReactiveAuthenticationManager {

  static final String INVALID = "Invalid username or password";

  private final ReactiveUserDetailsService users;
  private final PasswordEncoder passwords;
  private final SignInThrottle throttle;
  private final PasswordCheckCache checks;
  private final Supplier<String> unknownUserPassword;

  /** {@code unknownUserPassword}: a stored password no one knows, checked for a username that does not exist (null: none). */
  CheckedSignIn(ReactiveUserDetailsService users, PasswordEncoder passwords, SecurityProperties.SignIn limits, Clock clock,
      Supplier<String> unknownUserPassword) {
    this.users = users;
    this.passwords = passwords;
    this.unknownUserPassword = unknownUserPassword;
    this.throttle = new SignInThrottle(limits, clock);
    this.checks = new PasswordCheckCache(limits.passwordCacheTtl(), clock);
  }

  /** As an authentication manager (HTTP Basic): the client address comes from the exchange Spring Security keeps in the context. */
  @Override
  public Mono<Authentication> authenticate(Authentication attempt) {
    return Mono.deferContextual(context -> signIn(attempt.getName(),
        attempt.getCredentials() == null ? "" : attempt.getCredentials().toString(),
        context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class).map(CheckedSignIn::clientAddress).orElse("unknown")));
  }

  /** The sign-in form's check. Fails with {@link SignInThrottled} or {@link BadCredentialsException}. */
  public Mono<Authentication> signIn(String username, String password, String clientAddress) {
    String name = username == null ? "" : username;
    String presented = password == null ? "" : password;
    return Mono.defer(() -> {
      Duration wait = throttle.waitFor(name, clientAddress);
      if (!wait.isZero()) {
        return Mono.error(new SignInThrottled(wait));
      }
      return users.findByUsername(name)
          .switchIfEmpty(Mono.defer(() -> unknownUser(presented)))
          .filterWhen(user -> matches(name, presented, user))
          .filter(user -> user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired() && user.isCredentialsNonExpired())
          .<Authentication>map(user -> {
            throttle.succeeded(name);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
          })
          .switchIfEmpty(Mono.defer(() -> {
            throttle.failed(name, clientAddress);
            return Mono.error(new BadCredentialsException(INVALID));
          }));
    });
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
  private Mono<UserDetails> unknownUser(String presented) {
    return Mono.fromRunnable(() -> {
          String stored = unknownUserPassword.get();
          if (stored != null) {
            passwords.matches(presented, stored);
          }
        })
        .subscribeOn(Schedulers.boundedElastic())
        .then(Mono.empty());
  }

  public static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
  }
}
