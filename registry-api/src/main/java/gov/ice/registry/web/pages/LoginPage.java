package gov.ice.registry.web.pages;

import gov.ice.registry.security.CheckedSignIn;
import gov.ice.registry.security.SessionAtSignIn;
import gov.ice.registry.security.SignInLanding;
import gov.ice.registry.security.SignInOptions;
import gov.ice.registry.security.SignInThrottled;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /login}: the sign-in form (fields {@code username} and {@code password}). The password
 * goes through the same throttled check as HTTP Basic; a success gets a new session id (no
 * session fixation) and a new CSRF token ({@link SessionAtSignIn}) holding the user, and returns
 * to the page first asked for.
 */
@Controller
class LoginPage {

  private final CheckedSignIn signIn;
  private final SignInOptions options;
  private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
  private final ServerRequestCache requests = new WebSessionServerRequestCache();
  private final ServerCsrfTokenRepository csrfTokens;

  LoginPage(CheckedSignIn signIn, SignInOptions options, ServerCsrfTokenRepository csrfTokens) {
    this.signIn = signIn;
    this.options = options;
    this.csrfTokens = csrfTokens;
  }

  @GetMapping("/login")
  String form(Model model) {
    model.addAttribute("options", options);
    return "login";
  }

  @PostMapping("/login")
  Mono<String> submit(ServerWebExchange exchange, Model model) {
    model.addAttribute("options", options);
    return exchange.getFormData().flatMap(form -> {
      String username = form.getFirst("username");
      model.addAttribute("username", username);
      if (!options.passwordForm()) {
        model.addAttribute("error", "Sign in with your organization's account.");
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return Mono.just("login");
      }
      return signIn.signIn(username, form.getFirst("password"), exchange)
          .flatMap(user -> SessionAtSignIn.renew(exchange, csrfTokens)
              .then(sessions.save(exchange, new SecurityContextImpl(user)))
              .then(requests.getRedirectUri(exchange).defaultIfEmpty(URI.create("/")))
              .flatMap(target -> requests.removeMatchingRequest(exchange).thenReturn(target))
              .map(target -> "redirect:" + SignInLanding.landing(SignInLanding.local(target), user)))
          .onErrorResume(SignInThrottled.class, throttled -> {
            exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            model.addAttribute("error", "Too many failed sign-ins for this user or from this address. Try again in "
                + throttled.retryAfterSeconds() + " seconds.");
            return Mono.just("login");
          })
          .onErrorResume(AuthenticationException.class, failed -> {
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            model.addAttribute("error", "The username or password is not right.");
            return Mono.just("login");
          });
    });
  }
}
