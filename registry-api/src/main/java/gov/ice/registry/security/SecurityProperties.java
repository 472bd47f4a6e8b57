package gov.ice.registry.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users authenticate. With an issuer or a JWK set uri the registry is an OAuth2 resource
 * server taking JWTs; otherwise it reads the users file and takes HTTP Basic.
 */
@ConfigurationProperties(prefix = "registry.security")
public record SecurityProperties(String usersFile, Jwt jwt) {

  public SecurityProperties {
    jwt = jwt == null ? new Jwt(null, null, null) : jwt;
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

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
