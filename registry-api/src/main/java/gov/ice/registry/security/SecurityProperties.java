package gov.ice.registry.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users authenticate. With an issuer or a JWK set uri the registry is an OAuth2 resource
 * server taking JWTs; otherwise it reads the users file and takes HTTP Basic (API) and the
 * sign-in form (pages). {@code signIn} bounds password guessing in both.
 */
@ConfigurationProperties(prefix = "registry.security")
public record SecurityProperties(String usersFile, Jwt jwt, SignIn signIn) {

  public SecurityProperties {
    jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    signIn = signIn == null ? new SignIn(null, null, null, null, null, null) : signIn;
  }

  /** {@code rolesClaim} names the claim holding the registry roles, a list or a space separated string. */
  public record Jwt(String issuerUri, String jwkSetUri, String rolesClaim) {

    public Jwt {
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    boolean configured() {
      return present(issuerUri) || present(jwkSetUri);
    }
  }

  /**
   * Password guessing is slowed down per username and client address pair, and per address for
   * usernames that do not exist ({@link SignInThrottle}): past {@code maxFailuresPerUser}
   * failures of one pair (or {@code maxFailuresPerAddress} with unknown usernames from one
   * address) each attempt waits {@code firstDelay}, doubled at each further failure up to
   * {@code lockout}; failures are forgotten {@code window} after the last one. A successful
   * password check is remembered for {@code passwordCacheTtl}, so an API client sending Basic on
   * every request does not pay a bcrypt hash each time.
   */
  public record SignIn(Integer maxFailuresPerUser, Integer maxFailuresPerAddress, Duration window, Duration lockout,
      Duration passwordCacheTtl, Duration firstDelay) {

    public SignIn {
      maxFailuresPerUser = maxFailuresPerUser == null ? 5 : maxFailuresPerUser;
      maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
      window = window == null ? Duration.ofMinutes(15) : window;
      lockout = lockout == null ? Duration.ofMinutes(5) : lockout;
      passwordCacheTtl = passwordCacheTtl == null ? Duration.ofMinutes(2) : passwordCacheTtl;
      firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
    }
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
