package gov.ice.registry.web.pages;

import gov.ice.registry.security.CurrentActor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's model holds: the CSRF token every form sends back (resolved before the page
 * renders, which also stores it in the session), and the signed-in user, if any.
 */
// The gate page lives with the gate (web/gate) and renders the same layout.
@ControllerAdvice(basePackageClasses = PageModel.class, assignableTypes = gov.ice.registry.web.gate.GatePage.class)
class PageModel {

  @ModelAttribute("_csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }

  @ModelAttribute("me")
  Mono<PageUser> me() {
    return CurrentActor.authentication().filter(a -> a.isAuthenticated() && !"anonymousUser".equals(a.getName())).map(PageUser::of);
  }

  @ModelAttribute("path")
  String path(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value();
  }
}
