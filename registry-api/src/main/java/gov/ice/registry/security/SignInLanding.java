package gov.ice.registry.security;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Where a person lands after signing in, whichever way they signed in (the form, or the OIDC
 * issuer): the page they asked for, or, from the sign-in page or the site's root, their own work
 * ({@code /work}); an auditor, who has no queue, the central repository.
 */
public final class SignInLanding implements ServerAuthenticationSuccessHandler {

  private final ServerRequestCache requests;
  private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

  /** {@code requests}: where the page first asked for was saved when the user was sent to sign in. */
  public SignInLanding(ServerRequestCache requests) {
    this.requests = requests;
  }

  @Override
  public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication user) {
    return requests.getRedirectUri(exchange.getExchange()).defaultIfEmpty(URI.create("/"))
        .flatMap(target -> redirects.sendRedirect(exchange.getExchange(), URI.create(landing(local(target), user))));
  }

  /** The page to land on, {@code target} being the page asked for ("/" when none was). */
  public static String landing(String target, Authentication user) {
    if (!target.equals("/")) {
      return target;
    }
    return Roles.has(user, Roles.AUDITOR) ? "/" : "/work";
  }

  /** Only a path of this server: a saved request never sends the user elsewhere. */
  public static String local(URI target) {
    String path = target.getRawPath();
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) {
      return "/";
    }
    return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
  }
}
