package gov.ice.registry.security;

import gov.ice.registry.agreement.api.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The authenticated user as the ledger records it. Taken from the security context only: no
 * request body can name the actor.
 */
public final class CurrentActor {

  private CurrentActor() {}

  public static Mono<Authentication> authentication() {
    return ReactiveSecurityContextHolder.getContext().mapNotNull(SecurityContext::getAuthentication);
  }

  /** The name to greet the user with on pages. */
  public static String displayName(Authentication authentication) {
    return of(authentication).displayName();
  }

  public static Actor of(Authentication authentication) {
    if (authentication.getPrincipal() instanceof RegistryUser user) {
      return new Actor(user.getUsername(), user.displayName(), Roles.of(authentication));
    }
    if (authentication instanceof JwtAuthenticationToken jwt) {
      Object name = jwt.getToken().getClaims().get("name");
      return new Actor(jwt.getName(), name == null ? jwt.getName() : name.toString(), Roles.of(authentication));
    }
    if (authentication.getPrincipal() instanceof OidcUser user) {
      String name = user.getFullName();
      return new Actor(authentication.getName(), name == null ? authentication.getName() : name, Roles.of(authentication));
    }
    return new Actor(authentication.getName(), authentication.getName(), Roles.of(authentication));
  }
}
