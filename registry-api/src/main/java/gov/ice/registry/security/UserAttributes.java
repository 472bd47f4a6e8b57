package gov.ice.registry.security;

import gov.ice.registry.projection.access.Employment;
import gov.ice.registry.projection.access.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated user as the handling markings see it ({@link Reader}): from the users file,
 * or from a token's claims {@code employment} (FEDERAL or CONTRACTOR), {@code citizenship}
 * (ISO 3166 alpha-3) and {@code offices} (a list or a space separated string), and the OAuth
 * client from {@code azp} or {@code client_id}. A missing attribute admits to nothing that asks
 * for it.
 */
public final class UserAttributes {

  public static final String EMPLOYMENT = "employment";
  public static final String CITIZENSHIP = "citizenship";
  public static final String OFFICES = "offices";

  private UserAttributes() {}

  public static Reader readerOf(Authentication authentication) {
    List<String> roles = Roles.of(authentication);
    if (authentication.getPrincipal() instanceof RegistryUser user) {
      return new Reader(user.getUsername(), roles, user.employment(), user.citizenship(), user.offices(), null);
    }
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return fromClaims(jwt.getName(), roles, jwt.getToken().getClaims());
    }
    if (authentication.getPrincipal() instanceof OidcUser user) {
      return fromClaims(authentication.getName(), roles, user.getClaims());
    }
    return new Reader(authentication.getName(), roles, null, null, List.of(), null);
  }

  static Reader fromClaims(String username, List<String> roles, Map<String, Object> claims) {
    Object client = claims.get("azp") != null ? claims.get("azp") : claims.get("client_id");
    return new Reader(username, roles, employment(claims.get(EMPLOYMENT)), text(claims.get(CITIZENSHIP)),
        JwtRoles.roles(claims, OFFICES), client == null ? null : client.toString());
  }

  private static Employment employment(Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Employment.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
