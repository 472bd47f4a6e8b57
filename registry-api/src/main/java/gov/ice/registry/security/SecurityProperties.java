package gov.ice.registry.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users authenticate. With an issuer or a JWK set uri the registry is an OAuth2 resource
 * server taking JWTs; otherwise it reads the users file and takes HTTP Basic (API) and the
 * sign-in form (pages). {@code signIn} bounds password guessing in both.
 */
@ConfigurationProperties(prefix = "registry.security")
public record SecurityProperties(String usersFile, Jwt jwt, SignIn signIn) {

  public SecurityProperties {
    jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
    signIn = signIn == null ? new SignIn(null, null, null, null, null, null) : signIn;
  }

  /**
   * {@code rolesClaim} names the claim holding the registry roles, a list or a space separated
   * string. {@code audience} is what a token's {@code aud} must hold (one value, or several
   * separated by commas: any of them will do); JWT mode does not start without one, since a
   * token the issuer minted for another application would otherwise be accepted here.
   * {@code keyRefetchInterval} bounds how often a token with a key id the registry does not
   * know makes it fetch the issuer's key set again.
   */
  public record Jwt(String issuerUri, String jwkSetUri, String rolesClaim, String audience, Duration keyRefetchInterval) {

    public Jwt {
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
      keyRefetchInterval = keyRefetchInterval == null ? Duration.ofMinutes(5) : keyRefetchInterval;
    }

    boolean configured() {
      return present(issuerUri) || present(jwkSetUri);
    }

    /** The accepted audiences; empty when none is configured. */
    List<String> audiences() {
      return audience == null ? List.of() : Arrays.stream(audience.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
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
