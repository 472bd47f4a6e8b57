package gov.ice.registry.security;

import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What every sign-in of the pages (the form, the OIDC issuer) does to the session before it
 * holds the user: a new session id, so a session id planted before sign-in is worth nothing
 * after it, and no CSRF token, so a token read from the anonymous session (the sign-in page's)
 * is refused after it. The next page the user opens makes a new token.
 */
public final class SessionAtSignIn {

  private SessionAtSignIn() {}

  public static Mono<Void> renew(ServerWebExchange exchange, ServerCsrfTokenRepository csrfTokens) {
    return exchange.getSession()
        .flatMap(WebSession::changeSessionId)
        .then(csrfTokens.saveToken(exchange, null));
  }
}
