package gov.ice.registry.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Notes the authenticated user's name on the exchange, inside the security chain and before
 * authorization: the access log and the security events, written outside that chain once the
 * request ends, then name the user of a request refused with 403 too.
 */
final class RecordedUser implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
        .map(Authentication::getName)
        .doOnNext(name -> exchange.getAttributes().put(SecurityEvents.USER_ATTRIBUTE, name))
        .then(chain.filter(exchange));
  }
}
