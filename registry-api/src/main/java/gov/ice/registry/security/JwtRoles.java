package gov.ice.registry.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Turns an issuer's JWT into a registry user: the roles from a configurable claim (a list, or
 * a space separated string; a dotted name such as {@code realm_access.roles} reaches into
 * nested claims), the username from {@code preferred_username}, else {@code sub}. Only the
 * registry's documented role names count ({@link Roles#documented}); anything else in the claim,
 * {@code ROLE_ADMIN} included, is ignored: the claim names roles, never Spring authorities.
 */
final class JwtRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  private final String rolesClaim;

  JwtRoles(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    List<SimpleGrantedAuthority> authorities = authorities(jwt.getClaims(), rolesClaim);
    String username = jwt.getClaimAsString("preferred_username");
    return Mono.just(new JwtAuthenticationToken(jwt, authorities, username == null || username.isBlank() ? jwt.getSubject() : username));
  }

  /** The registry roles in {@code claims} as authorities: documented names only, each given the authority prefix here. */
  static List<SimpleGrantedAuthority> authorities(Map<String, Object> claims, String rolesClaim) {
    return roles(claims, rolesClaim).stream()
        .filter(Roles::documented)
        .distinct()
        .map(role -> new SimpleGrantedAuthority(Roles.PREFIX + role))
        .toList();
  }

  /** The roles in {@code claims} (a JWT's, or an OIDC ID token's) under the dotted claim name. */
  static List<String> roles(Map<String, Object> claims, String rolesClaim) {
    Object value = claims;
    for (String part : rolesClaim.split("\\.")) {
      value = value instanceof Map<?, ?> map ? map.get(part) : null;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    if (value instanceof String string && !string.isBlank()) {
      return List.of(string.trim().split("[\\s,]+"));
    }
    return List.of();
  }
}
